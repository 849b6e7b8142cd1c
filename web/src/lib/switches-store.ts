import { useSyncExternalStore } from 'react';

type Listener = () => void;
const listeners = new Set<Listener>();
let current: string | null = null;

/**
 * The tenant's switched-on modules and feature options, as the API last reported them
 * (`X-Kontor-Modules` on every signed-in answer): a module switched off by anyone
 * leaves the interface on this user's next request, without a reload.
 */
export const switchesStore = {
  get: (): string | null => current,
  set(value: string | null): void {
    if (value === current) return;
    current = value;
    for (const listener of listeners) listener();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

const EMPTY = new Set<string>();
let parsedFrom: string | null = null;
let parsed: Set<string> = EMPTY;

/** Keys such as "CRM" and "CRM.counterparties" that are on, or null before the first answer. */
export function useSwitches(): Set<string> | null {
  const value = useSyncExternalStore(switchesStore.subscribe, switchesStore.get);
  if (value === null) return null;
  if (value !== parsedFrom) {
    parsedFrom = value;
    parsed = new Set(value.split(',').filter(Boolean));
  }
  return parsed;
}
