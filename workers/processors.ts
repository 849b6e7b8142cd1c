import type { App } from '../api/src/platform/app.js';
import type { MailDriver } from '../api/src/platform/mail/mail-message.js';
import { createSmsDriver } from '../api/src/platform/sms/sms-driver.factory.js';
import type { SmsDriver } from '../api/src/platform/sms/sms-driver.js';
import { MESSAGE_EMAIL_JOB, SMS_QUEUE } from '../api/src/crm/message.service.js';
import { IMPORT_QUEUE } from '../api/src/crm/import-runner.service.js';
import { REMINDER_QUEUE } from '../api/src/crm/task-reminder.service.js';
import { AUTOMATION_QUEUE } from '../api/src/marketing/automation-queue.js';
import { CAMPAIGN_QUEUE } from '../api/src/marketing/campaign-queue.js';
import { automationProcessor } from './automation.job.js';
import { campaignProcessor } from './campaign.job.js';
import { importProcessor } from './import.job.js';
import { mailingProcessor } from './mailing.job.js';
import { messageEmailProcessor, smsProcessor } from './message.job.js';
import { reminderProcessor } from './reminder.job.js';
import { PLATFORM_QUEUES } from './queues.js';
import type { Processor } from './worker-host.js';

/** One queue, several kinds of job: each job name to its processor, the rest to `fallback`. */
function byJobName(processors: Record<string, Processor>, fallback: Processor): Processor {
  return (job, token) => (processors[job.name] ?? fallback)(job, token);
}

/** Every queue's processor. Module queues join here as their modules gain jobs. */
export function processors(app: App, mail: MailDriver, sms: SmsDriver = createSmsDriver(app.config, app.log)): Record<string, Processor> {
  return {
    // The platform's emails, and the emails people send to their contacts from the CRM.
    [PLATFORM_QUEUES.mailing]: byJobName({ [MESSAGE_EMAIL_JOB]: messageEmailProcessor(app, mail) }, mailingProcessor(mail)),
    [REMINDER_QUEUE]: reminderProcessor(app),
    [SMS_QUEUE]: smsProcessor(app, sms),
    [IMPORT_QUEUE]: importProcessor(app),
    [CAMPAIGN_QUEUE]: campaignProcessor(app, sms),
    [AUTOMATION_QUEUE]: automationProcessor(app, sms),
  };
}
