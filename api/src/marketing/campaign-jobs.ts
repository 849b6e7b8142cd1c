import { randomUUID } from 'node:crypto';
import type { App } from '../platform/app.js';
import { CAMPAIGN_QUEUE, DISPATCH_JOB, START_JOB, WINNER_JOB, type CampaignJob, type StartJob } from './campaign-queue.js';

/** The start at the send time; its id names the time, so rescheduling adds a new job and the old one finds nothing to do. */
export async function enqueueStart(app: App, tenantId: string, campaignId: string, sendAt: Date): Promise<void> {
  const data: StartJob = { tenantId, campaignId, sendAt: sendAt.toISOString() };
  await app.jobs.add(CAMPAIGN_QUEUE, START_JOB, data, { jobId: `start-${campaignId}-${sendAt.getTime()}`, delay: Math.max(0, sendAt.getTime() - Date.now()) });
}

/**
 * A sending run. Several may run for one campaign (a resume while a run is still finishing): each
 * claims its own rows, so none is sent twice.
 */
export async function enqueueDispatch(app: App, tenantId: string, campaignId: string, delayMs = 0): Promise<void> {
  const data: CampaignJob = { tenantId, campaignId };
  await app.jobs.add(CAMPAIGN_QUEUE, DISPATCH_JOB, data, { jobId: `dispatch-${campaignId}-${randomUUID()}`, delay: delayMs });
}

export async function enqueueWinner(app: App, tenantId: string, campaignId: string, winnerAt: Date): Promise<void> {
  const data: CampaignJob = { tenantId, campaignId };
  await app.jobs.add(CAMPAIGN_QUEUE, WINNER_JOB, data, { jobId: `winner-${campaignId}-${winnerAt.getTime()}`, delay: Math.max(0, winnerAt.getTime() - Date.now()) });
}
