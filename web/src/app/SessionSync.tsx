import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { sessionStore } from '../lib/session-store';
import { switchesStore } from '../lib/switches-store';

/**
 * On every session change (log-in, log-out, another company, another role; here or in another
 * tab) nothing cached from before may show: cancel what is in flight, forget every answer and
 * ask again for what is on screen.
 */
export function SessionSync() {
  const client = useQueryClient();
  useEffect(
    () =>
      sessionStore.onChange(() => {
        switchesStore.set(null);
        void client.cancelQueries().then(() => client.resetQueries());
      }),
    [client],
  );
  return null;
}
