import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { MERGE_PREFIXES } from './duplicates.documents';

/** Asks again every query a merge changed (duplicates, lists, cards, tasks, deals, histories); resolves once they answered. */
export function useAfterMerge(): () => Promise<void> {
  const client = useQueryClient();
  return useCallback(
    () =>
      client.invalidateQueries({
        predicate: (query) => {
          const name = query.queryKey[0];
          return typeof name === 'string' && MERGE_PREFIXES.some((prefix) => name.startsWith(prefix));
        },
      }),
    [client],
  );
}
