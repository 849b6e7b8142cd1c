import type { Job } from 'bullmq';
import type { MailJobData } from '../api/src/platform/mail/mail.service.js';
import type { MailDriver } from '../api/src/platform/mail/mail-message.js';

/** Sends one queued email. A transport failure throws, so BullMQ retries with backoff. */
export function mailingProcessor(driver: MailDriver) {
  return async (job: Job<MailJobData>): Promise<{ messageId: string }> => driver.send(job.data.message);
}
