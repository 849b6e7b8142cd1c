import { useInfiniteQuery, type InfiniteData, type UseInfiniteQueryResult } from '@tanstack/react-query';
import type { MarketingEventAttendeesQuery } from '../../../gql/graphql';
import type { ApiError } from '../../../lib/api-error';
import { request } from '../../../lib/graphql-client';
import { operationName } from '../../../lib/use-api';
import { EVENT_ATTENDEES } from './event.documents';

/** People per page of an event; "Show more" adds the next page below. */
export const ATTENDEES_PAGE = 50;

export type Attendance = MarketingEventAttendeesQuery['marketingEvent']['attendees']['edges'][number]['node'];

/**
 * An event's people by name, page after page (keyset `after`), cached under the operation's name:
 * refreshing events asks every shown page again, in order.
 */
export function useEventAttendees(id: string): UseInfiniteQueryResult<InfiniteData<MarketingEventAttendeesQuery, string | null>, ApiError> {
  return useInfiniteQuery<MarketingEventAttendeesQuery, ApiError, InfiniteData<MarketingEventAttendeesQuery, string | null>, unknown[], string | null>({
    queryKey: [operationName(EVENT_ATTENDEES), { id, first: ATTENDEES_PAGE }],
    queryFn: ({ pageParam }) => request(EVENT_ATTENDEES, { id, first: ATTENDEES_PAGE, after: pageParam }),
    initialPageParam: null,
    getNextPageParam: (last) => (last.marketingEvent.attendees.pageInfo.hasNextPage ? (last.marketingEvent.attendees.pageInfo.endCursor ?? undefined) : undefined),
    staleTime: 0,
  });
}
