import { UnrecoverableError, type Job } from 'bullmq';
import type { App } from '../api/src/platform/app.js';
import type { SmsDriver } from '../api/src/platform/sms/sms-driver.js';
import { enqueueDispatch, enqueueWinner } from '../api/src/marketing/campaign-jobs.js';
import { DISPATCH_JOB, START_JOB, TEST_SMS_JOB, WINNER_JOB, type CampaignJob, type StartJob, type TestSmsJob } from '../api/src/marketing/campaign-queue.js';
import { pickWinner, startScheduled } from '../api/src/marketing/campaign-runner.service.js';
import { dispatchCampaign, type DispatchResult } from '../api/src/marketing/dispatch.service.js';
import type { CampaignEmailSender } from '../api/src/marketing/email-sender.js';
import { companyEmailSender, companySmsDriver } from '../api/src/marketing/senders.js';
import type { TenantJobData } from './queues.js';
import { postpone } from './worker-host.js';

/** How long one sending run may go on before handing over to a fresh job. */
const RUN_BUDGET_MS = 20_000;
/** A run that found the provider refusing, or claims of another run still open, looks again after this. */
const RETRY_DELAY_MS = 15_000;
/** SMTP connections of one run. */
const SMTP_LANES = 32;

function record(data: TenantJobData): Record<string, unknown> {
  return { ...data };
}

function isCampaignJob(data: TenantJobData): data is CampaignJob {
  const r = record(data);
  return typeof r.tenantId === 'string' && typeof r.campaignId === 'string';
}

function isStartJob(data: TenantJobData): data is StartJob {
  return isCampaignJob(data) && typeof record(data).sendAt === 'string';
}

function isTestSmsJob(data: TenantJobData): data is TestSmsJob {
  const r = record(data);
  return typeof r.tenantId === 'string' && typeof r.to === 'string' && typeof r.body === 'string';
}

/** The campaign queue: scheduled starts, sending runs, A/B winners and test SMS. */
export function campaignProcessor(app: App, sms: SmsDriver) {
  // The company's own accounts when it set them, else the platform's.
  const email = (tenantId: string): Promise<CampaignEmailSender> => companyEmailSender(app, tenantId, SMTP_LANES);
  const smsOf = (tenantId: string): Promise<SmsDriver> => companySmsDriver(app, sms, tenantId);
  return async (job: Job<TenantJobData>, token?: string): Promise<string> => {
    const data = job.data;
    switch (job.name) {
      case START_JOB: {
        if (!isStartJob(data)) throw new UnrecoverableError(`Job ${job.id} is not a campaign start`);
        const started = await startScheduled(app, data.tenantId, data.campaignId, data.sendAt, String(job.id));
        if (started.outcome === 'started') {
          await enqueueDispatch(app, data.tenantId, data.campaignId);
          if (started.winnerAt) await enqueueWinner(app, data.tenantId, data.campaignId, started.winnerAt);
        }
        return started.outcome;
      }
      case DISPATCH_JOB: {
        if (!isCampaignJob(data)) throw new UnrecoverableError(`Job ${job.id} is not a campaign run`);
        const result: DispatchResult = await dispatchCampaign(app, data.tenantId, data.campaignId, { email, sms: smsOf, budgetMs: RUN_BUDGET_MS });
        if (result === 'module-off') return postpone(job, token);
        if (result === 'continue') await enqueueDispatch(app, data.tenantId, data.campaignId);
        if (result === 'waiting') await enqueueDispatch(app, data.tenantId, data.campaignId, RETRY_DELAY_MS);
        return result;
      }
      case WINNER_JOB: {
        if (!isCampaignJob(data)) throw new UnrecoverableError(`Job ${job.id} is not an A/B winner`);
        if (await pickWinner(app, data.tenantId, data.campaignId)) await enqueueDispatch(app, data.tenantId, data.campaignId);
        return 'picked';
      }
      case TEST_SMS_JOB: {
        if (!isTestSmsJob(data)) throw new UnrecoverableError(`Job ${job.id} is not a test SMS`);
        const sent = await sms.send({ to: data.to, body: data.body });
        return sent.providerMessageId;
      }
      default:
        throw new UnrecoverableError(`Unknown campaign job ${job.name}`);
    }
  };
}
