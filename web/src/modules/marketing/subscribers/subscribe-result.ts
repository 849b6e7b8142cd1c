/**
 * What the public form's redirect (`/subscribe/done?result=…`) says happened: `pending` (a
 * confirmation email is on its way), `subscribed`, or the reason the API refused the post.
 */
export type SubscribeOutcome = 'pending' | 'subscribed' | 'invalidEmail' | 'tooLong' | 'formGone' | 'tooMany' | 'failed';

const OUTCOMES: Record<string, SubscribeOutcome> = {
  pending: 'pending',
  subscribed: 'subscribed',
  REQUIRED: 'invalidEmail',
  INVALID_EMAIL: 'invalidEmail',
  TOO_LONG: 'tooLong',
  NOT_FOUND: 'formGone',
  RATE_LIMITED: 'tooMany',
};

export function subscribeOutcome(result: string | null): SubscribeOutcome {
  return (result !== null && Object.hasOwn(OUTCOMES, result) ? OUTCOMES[result] : undefined) ?? 'failed';
}

/** Whether the outcome is the person's to fix on the form they came from (so the page offers to go back). */
export function canRetryOnForm(outcome: SubscribeOutcome): boolean {
  return outcome === 'invalidEmail' || outcome === 'tooLong';
}
