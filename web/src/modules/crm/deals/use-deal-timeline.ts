import { useInfiniteQuery, type InfiniteData, type UseInfiniteQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { TimelineOfDealQuery } from '../../../gql/graphql';
import type { ApiError } from '../../../lib/api-error';
import { request } from '../../../lib/graphql-client';
import { operationName } from '../../../lib/use-api';
import { TIMELINE_PAGE } from '../timeline/use-timeline';
import { DEAL_TIMELINE } from './deal.documents';

export type DealTimelineNode = TimelineOfDealQuery['timeline']['edges'][number]['node'];

/** A deal's history, page after page (keyset `after`), as timeline/ keeps a person's or customer's. */
export function useDealTimeline(dealId: string): UseInfiniteQueryResult<InfiniteData<TimelineOfDealQuery, string | null>, ApiError> {
  const queryKey = useMemo(() => [operationName(DEAL_TIMELINE), { subject: { type: 'DEAL', id: dealId }, first: TIMELINE_PAGE }], [dealId]);
  return useInfiniteQuery<TimelineOfDealQuery, ApiError, InfiniteData<TimelineOfDealQuery, string | null>, unknown[], string | null>({
    queryKey,
    queryFn: ({ pageParam }) => request(DEAL_TIMELINE, { subject: { type: 'DEAL', id: dealId }, first: TIMELINE_PAGE, after: pageParam }),
    initialPageParam: null,
    getNextPageParam: (last) => (last.timeline.pageInfo.hasNextPage ? (last.timeline.pageInfo.endCursor ?? undefined) : undefined),
    staleTime: 0,
  });
}
