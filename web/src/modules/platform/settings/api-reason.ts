import type { TFunction } from 'i18next';
import { ApiError } from '../../../lib/api-error';

/**
 * The reason the API gave for a refusal (ALREADY_MEMBER, LAST_OWNER, WRONG_PASSWORD, TOO_SHORT…)
 * when this app has words for it, so `errorMessage` says exactly that; null otherwise, and a
 * screen may then fall back to its own sentence.
 */
export function wordedReason(t: TFunction, error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  const reason = error.problems[0]?.reason;
  return reason && t(`errors.reason.${reason}`, { defaultValue: '' }) ? reason : null;
}
