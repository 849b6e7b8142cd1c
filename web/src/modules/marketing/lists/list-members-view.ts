import type { SubscriptionStatus } from '../../../gql/graphql.js';

export const MEMBER_STATUSES: readonly SubscriptionStatus[] = ['SUBSCRIBED', 'PENDING', 'UNSUBSCRIBED'];

function isStatus(value: string | null): value is SubscriptionStatus {
  return MEMBER_STATUSES.some((status) => status === value);
}

/** The members list's status filter as the address says it (`?status=PENDING`); anything else shows everyone. */
export function readMemberStatus(params: URLSearchParams): SubscriptionStatus | null {
  const status = params.get('status');
  return isStatus(status) ? status : null;
}
