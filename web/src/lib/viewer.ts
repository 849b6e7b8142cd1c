import { graphql } from '../gql';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ViewerQuery } from '../gql/graphql';
import type { ApiError } from './api-error';
import { sessionStore, useToken } from './session-store';
import { useApiQuery } from './use-api';
import { useSwitches } from './switches-store';

export const VIEWER = graphql(`
  query Viewer {
    me {
      role
      permissions
      user { id name email emailVerified locale }
      tenant {
        id
        name
        settings { currency timeZone locale }
      }
      memberships { tenantId tenantName role }
    }
  }
`);

export type ViewerData = ViewerQuery['me'];

/** The viewer query itself, for the screen that waits for it (and shows its failure). */
export function useViewerQuery(): UseQueryResult<ViewerQuery, ApiError> {
  const token = useToken();
  return useApiQuery(VIEWER, {}, { enabled: token !== null, staleTime: 60_000 });
}

/** The signed-in person, their company and permissions; null while signed out or loading. */
export function useViewer(): ViewerData | null {
  const token = useToken();
  const { data } = useViewerQuery();
  return token && data ? data.me : null;
}

/** Whether the viewer holds a permission such as "CRM:write" or "settings:manage". */
export function useCan(): (permission: string) => boolean {
  const viewer = useViewer();
  return (permission) => viewer?.permissions.includes(permission) ?? false;
}

/** Whether a module or feature option (e.g. "CRM", "CRM.counterparties") is on for the company right now. */
export function useSwitchedOn(): (key: string) => boolean {
  const switches = useSwitches();
  return (key) => switches?.has(key) ?? false;
}

/**
 * Starts a session (sign-up, log-in, switching company): nothing cached from before survives
 * (SessionSync resets the cache on every session change).
 */
export function startSession(token: string): void {
  if (sessionStore.get() === token) sessionStore.renew();
  else sessionStore.set(token);
}
