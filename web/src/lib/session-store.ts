import { useSyncExternalStore } from 'react';

const TOKEN_KEY = 'kontor.token';
/** Written on every session change so that other tabs hear of it (a company switch keeps the token). */
const EPOCH_KEY = 'kontor.session-epoch';

type Listener = () => void;
const tokenListeners = new Set<Listener>();
const changeListeners = new Set<Listener>();

function read(): string | null {
  try {
    return window.localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

let token: string | null = read();
/** Who the API last said this session is (company and role); null until the first answer. */
let identity: string | null = null;

function changed(): void {
  identity = null;
  for (const listener of tokenListeners) listener();
  for (const listener of changeListeners) listener();
}

function broadcast(): void {
  try {
    window.localStorage.setItem(EPOCH_KEY, `${Date.now()}-${Math.random()}`);
  } catch {
    // No storage: other tabs notice on their next answer (the identity header).
  }
}

/** The bearer token of this browser's session, kept across reloads, and who it stands for. */
export const sessionStore = {
  get: (): string | null => token,
  /** A new session (sign-up, log-in, log-out). */
  set(next: string | null): void {
    token = next;
    try {
      if (next) window.localStorage.setItem(TOKEN_KEY, next);
      else window.localStorage.removeItem(TOKEN_KEY);
    } catch {
      // Private mode without storage: the session lasts until the tab closes.
    }
    broadcast();
    changed();
  },
  /** The same token now works for another company or role: everything cached is someone else's. */
  renew(): void {
    broadcast();
    changed();
  },
  /**
   * The identity an answer reported. A change nobody announced (a switch in another tab,
   * a role changed by an admin) counts as a session change.
   */
  observe(reported: string): void {
    if (identity !== null && identity !== reported) {
      changed();
    }
    identity = reported;
  },
  subscribe(listener: Listener): () => void {
    tokenListeners.add(listener);
    return () => tokenListeners.delete(listener);
  },
  /** Called on every session change, here or in another tab. */
  onChange(listener: Listener): () => void {
    changeListeners.add(listener);
    return () => changeListeners.delete(listener);
  },
};

window.addEventListener('storage', (event) => {
  if (event.key === TOKEN_KEY) token = event.newValue;
  if (event.key === TOKEN_KEY || event.key === EPOCH_KEY) changed();
});

export function useToken(): string | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}
