import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { EVENT_QUERY_PREFIX } from './event.documents';

/**
 * Asks every query that shows events again (the list, an event's page, people and figures, the
 * events cards), after an event or its attendance changed. Deals name the event that brought them,
 * so their queries are asked again too when an event is renamed or deleted.
 */
export function useRefreshEvents(): (options?: { deals?: boolean }) => Promise<void> {
  const client = useQueryClient();
  return useCallback(
    (options = {}) =>
      client.invalidateQueries({
        predicate: (query) => {
          const name = query.queryKey[0];
          return typeof name === 'string' && (name.startsWith(EVENT_QUERY_PREFIX) || (options.deals === true && /deal|report/i.test(name)));
        },
      }),
    [client],
  );
}
