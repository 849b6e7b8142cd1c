import { UnrecoverableError, type Job } from 'bullmq';
import type { MailJobData } from '../api/src/platform/mail/mail.service.js';
import type { MailDriver } from '../api/src/platform/mail/mail-message.js';
import type { TenantJobData } from './queues.js';

function isMailJob(data: TenantJobData): data is MailJobData {
  const record: Record<string, unknown> = { ...data };
  return typeof record.message === 'object' && record.message !== null;
}

/** Sends one queued email. A transport failure throws, so BullMQ retries with backoff. */
export function mailingProcessor(driver: MailDriver) {
  return async (job: Job<TenantJobData>): Promise<{ messageId: string }> => {
    if (!isMailJob(job.data)) throw new UnrecoverableError(`Job ${job.id} carries no message`);
    return driver.send(job.data.message);
  };
}
