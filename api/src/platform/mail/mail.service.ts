import type { App } from '../app.js';
import { PLATFORM_QUEUES, type TenantJobData } from '../../../../workers/queues.js';
import type { MailMessage } from './mail-message.js';

export interface MailJobData extends TenantJobData {
  message: MailMessage;
}

/** Emails never leave from a request: they go through the `mailing` queue and a worker sends them. */
export async function enqueueMail(app: App, tenantId: string | null, message: MailMessage, options: { jobId?: string } = {}): Promise<void> {
  await app.jobs.add<MailJobData>(PLATFORM_QUEUES.mailing, 'send', { tenantId, message }, options);
}
