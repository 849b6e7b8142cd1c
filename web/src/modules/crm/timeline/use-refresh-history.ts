import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';
import { HISTORY_QUERY_PREFIXES } from './interaction.documents';

/** Whether a cached query (keyed by its operation name first) shows interactions. */
export function isHistoryQuery(key: QueryKey): boolean {
  const name = key[0];
  return typeof name === 'string' && HISTORY_QUERY_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/** Asks every timeline and interactions list again, after an interaction was logged or deleted. */
export function useRefreshHistory(): () => Promise<void> {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ predicate: (query) => isHistoryQuery(query.queryKey) }), [client]);
}
