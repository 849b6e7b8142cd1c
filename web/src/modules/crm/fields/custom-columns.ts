import { useCallback, useSyncExternalStore } from 'react';
import type { CustomFieldEntity } from '../../../gql/graphql';
import { useViewer } from '../../../lib/viewer';
import type { CustomFieldDef } from './custom-values';
import { useCustomFields } from './use-custom-fields';

type Listener = () => void;
const listeners = new Set<Listener>();
/** What was read or written, by storage key: every list showing the same columns agrees at once. */
const cache = new Map<string, string[]>();
const EMPTY: string[] = [];

function read(key: string): string[] {
  const known = cache.get(key);
  if (known) return known;
  let keys = EMPTY;
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(key) ?? '[]');
    if (Array.isArray(parsed) && parsed.every((entry) => typeof entry === 'string')) keys = parsed;
  } catch {
    // Unreadable or no storage: no extra columns.
  }
  cache.set(key, keys);
  return keys;
}

function write(key: string, keys: string[]): void {
  cache.set(key, keys);
  try {
    window.localStorage.setItem(key, JSON.stringify(keys));
  } catch {
    // No storage: the choice lasts until the tab closes.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export interface CustomColumns {
  /** Every field of the list's record type (what the chooser offers). */
  available: CustomFieldDef[];
  /** The fields shown as columns, in the fields' order. */
  columns: CustomFieldDef[];
  toggle: (fieldKey: string) => void;
}

/**
 * The custom-field columns a person chose for a list, kept in this browser per company and person
 * (`kontor.columns.<company>.<person>.<list>`); none while the feature is off.
 */
export function useCustomColumns(entity: CustomFieldEntity, list: string): CustomColumns {
  const viewer = useViewer();
  const { fields } = useCustomFields(entity);
  const storageKey = `kontor.columns.${viewer?.tenant.id ?? '-'}.${viewer?.user?.id ?? '-'}.${list}`;
  const chosen = useSyncExternalStore(subscribe, () => read(storageKey));
  const toggle = useCallback(
    (fieldKey: string) => {
      const current = read(storageKey);
      write(storageKey, current.includes(fieldKey) ? current.filter((key) => key !== fieldKey) : [...current, fieldKey]);
    },
    [storageKey],
  );
  return { available: fields, columns: fields.filter((field) => chosen.includes(field.key)), toggle };
}
