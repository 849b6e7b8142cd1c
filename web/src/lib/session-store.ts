import { useSyncExternalStore } from 'react';

const TOKEN_KEY = 'kontor.token';

type Listener = () => void;
const listeners = new Set<Listener>();

function read(): string | null {
  try {
    return window.localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

let token: string | null = read();

/** The bearer token of this browser's session, kept across reloads. */
export const sessionStore = {
  get: (): string | null => token,
  set(next: string | null): void {
    token = next;
    try {
      if (next) window.localStorage.setItem(TOKEN_KEY, next);
      else window.localStorage.removeItem(TOKEN_KEY);
    } catch {
      // Private mode without storage: the session lasts until the tab closes.
    }
    for (const listener of listeners) listener();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

// Another tab logged in or out.
window.addEventListener('storage', (event) => {
  if (event.key === TOKEN_KEY && event.newValue !== token) {
    token = event.newValue;
    for (const listener of listeners) listener();
  }
});

export function useToken(): string | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}
