import { useInfiniteQuery, type InfiniteData, type UseInfiniteQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { TimelineQuery, TimelineSubject } from '../../../gql/graphql';
import type { ApiError } from '../../../lib/api-error';
import { request } from '../../../lib/graphql-client';
import { operationName } from '../../../lib/use-api';
import { TIMELINE } from './interaction.documents';

/** Entries per page; "Show older" adds the next page below. */
export const TIMELINE_PAGE = 25;

/** Messages still on their way, and how often the history asks for their status meanwhile. */
const PENDING = new Set(['QUEUED', 'SENDING']);
const PENDING_POLL_MS = 3_000;

export type TimelineEntryNode = TimelineQuery['timeline']['edges'][number]['node'];

/**
 * A subject's history, page after page (keyset `after`). Cached under the operation's name, so
 * invalidating "Timeline" asks every shown page again, in order: nothing is skipped or shown twice
 * when an entry was added or removed meanwhile. `withMarketing` asks for the marketing messages'
 * events too (only while the module is on and the viewer may read it: the fields are its own).
 */
export function useTimeline(subject: TimelineSubject, withMarketing = false): UseInfiniteQueryResult<InfiniteData<TimelineQuery, string | null>, ApiError> {
  const { type, id } = subject;
  const queryKey = useMemo(() => [operationName(TIMELINE), { subject: { type, id }, first: TIMELINE_PAGE, withMarketing }], [type, id, withMarketing]);

  return useInfiniteQuery<TimelineQuery, ApiError, InfiniteData<TimelineQuery, string | null>, unknown[], string | null>({
    queryKey,
    queryFn: ({ pageParam }) => request(TIMELINE, { subject: { type, id }, first: TIMELINE_PAGE, after: pageParam, withMarketing }),
    initialPageParam: null,
    getNextPageParam: (last) => (last.timeline.pageInfo.hasNextPage ? (last.timeline.pageInfo.endCursor ?? undefined) : undefined),
    staleTime: 0,
    // An email or SMS on its way (queued, sending): asked again until the workers sent it.
    refetchInterval: (query) => (query.state.data?.pages.some((page) => page.timeline.edges.some(({ node }) => PENDING.has(node.interaction?.message?.status ?? ''))) ? PENDING_POLL_MS : false),
  });
}
