import type { CustomerKind, LifecycleStage, SourceChannel } from '../../../gql/graphql';

export const CUSTOMER_KINDS: CustomerKind[] = ['ORGANIZATION', 'PERSON'];

/** In the order a relationship goes through them. */
export const LIFECYCLE_STAGES: LifecycleStage[] = ['LEAD', 'PROSPECT', 'CUSTOMER', 'FORMER'];

export const SOURCE_CHANNELS: SourceChannel[] = ['DIRECT', 'ORGANIC_SEARCH', 'PAID_SEARCH', 'SOCIAL', 'PAID_SOCIAL', 'EMAIL', 'REFERRAL', 'PARTNER', 'EVENT', 'COLD_OUTREACH', 'OTHER'];

export const STAGE_COLOR: Record<LifecycleStage, string> = { LEAD: 'yellow', PROSPECT: 'blue', CUSTOMER: 'green', FORMER: 'gray' };

export function isCustomerKind(value: string | null | undefined): value is CustomerKind {
  return CUSTOMER_KINDS.some((kind) => kind === value);
}

export function isLifecycleStage(value: string | null | undefined): value is LifecycleStage {
  return LIFECYCLE_STAGES.some((stage) => stage === value);
}

export function isSourceChannel(value: string | null | undefined): value is SourceChannel {
  return SOURCE_CHANNELS.some((channel) => channel === value);
}
