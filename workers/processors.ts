import type { App } from '../api/src/platform/app.js';
import type { MailDriver } from '../api/src/platform/mail/mail-message.js';
import { REMINDER_QUEUE } from '../api/src/crm/task-reminder.service.js';
import { mailingProcessor } from './mailing.job.js';
import { reminderProcessor } from './reminder.job.js';
import { PLATFORM_QUEUES } from './queues.js';
import type { Processor } from './worker-host.js';

/** Every queue's processor. Module queues join here as their modules gain jobs. */
export function processors(app: App, mail: MailDriver): Record<string, Processor> {
  return {
    [PLATFORM_QUEUES.mailing]: mailingProcessor(mail),
    [REMINDER_QUEUE]: reminderProcessor(app),
  };
}
