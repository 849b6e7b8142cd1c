import type { TenantJobData } from '../../../workers/queues.js';

/** The marketing module's queue: campaign starts, sending runs, and test SMS. */
export const CAMPAIGN_QUEUE = 'campaign';

/** Fires at a scheduled campaign's send time (and when sending starts now): fixes the audience. */
export const START_JOB = 'start';
/** Sends a campaign's queued deliveries in batches until none is left, it is paused, or the module is off. */
export const DISPATCH_JOB = 'dispatch';
export const TEST_SMS_JOB = 'test-sms';

export interface CampaignJob extends TenantJobData {
  tenantId: string;
  campaignId: string;
}

export interface TestSmsJob extends TenantJobData {
  tenantId: string;
  to: string;
  body: string;
}

/** At an A/B test's winner time: picks the winner and releases the held rest to it. */
export const WINNER_JOB = 'winner';

export interface StartJob extends CampaignJob {
  /** The send time the job was scheduled for: a rescheduled campaign ignores its old jobs. */
  sendAt: string;
}
