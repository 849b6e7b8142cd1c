import { ApiError } from '../../../lib/api-error.js';

/**
 * Why a subscriber's link could not be used, in the words the page picks: a link that is not (or no
 * longer) valid, too many tries from this connection, no connection, or anything else.
 */
export type LinkProblem = 'badLink' | 'rateLimited' | 'offline' | 'failed';

export function linkProblemOf(error: unknown): LinkProblem {
  if (!(error instanceof ApiError)) return 'failed';
  // A forged, mistyped, cut-off, used or expired token: NOT_FOUND for message links, INVALID_LINK for confirmations.
  if (error.code === 'NOT_FOUND' || error.code === 'BAD_USER_INPUT') return 'badLink';
  if (error.code === 'RATE_LIMITED') return 'rateLimited';
  if (error.code === 'NETWORK') return 'offline';
  return 'failed';
}
