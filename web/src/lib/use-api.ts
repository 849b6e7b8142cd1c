import { keepPreviousData, useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import type { TypedDocumentString } from '../gql/graphql';
import type { ApiError } from './api-error';
import { request } from './graphql-client';

/** The operation's name, used as the first part of its cache key. */
export function operationName(document: { toString(): string }): string {
  return /(?:query|mutation)\s+(\w+)/.exec(document.toString())?.[1] ?? document.toString();
}

interface QueryOptions<Result> {
  enabled?: boolean;
  /** Keep showing the previous page while the next loads (lists). */
  keepPrevious?: boolean;
  /** How long an answer counts as fresh; by default every screen asks again when it opens. */
  staleTime?: number;
  /**
   * Asks again every so many milliseconds while the screen is shown (e.g. an unread count); a
   * function decides from the last answer (e.g. only while a campaign sends).
   */
  refetchInterval?: number | ((data: Result | undefined) => number | undefined);
}

/** A query of the API, cached by operation and variables. */
export function useApiQuery<Result, Variables>(
  document: TypedDocumentString<Result, Variables>,
  variables: Variables,
  options: QueryOptions<Result> = {},
): UseQueryResult<Result, ApiError> {
  const interval = options.refetchInterval;
  return useQuery<Result, ApiError>({
    queryKey: [operationName(document), variables],
    queryFn: () => request(document, variables),
    enabled: options.enabled ?? true,
    staleTime: options.staleTime ?? 0,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
    refetchInterval: typeof interval === 'function' ? (query) => interval(query.state.data) ?? false : interval,
  });
}

/**
 * A mutation; on success the listed queries (by operation name) are fetched again, so
 * every screen shows what was just saved.
 */
export function useApiMutation<Result, Variables>(
  document: TypedDocumentString<Result, Variables>,
  invalidates: string[] = [],
): UseMutationResult<Result, ApiError, Variables> {
  const client = useQueryClient();
  return useMutation<Result, ApiError, Variables>({
    mutationFn: (variables) => request(document, variables),
    onSuccess: async () => {
      await Promise.all(invalidates.map((name) => client.invalidateQueries({ queryKey: [name] })));
    },
  });
}
