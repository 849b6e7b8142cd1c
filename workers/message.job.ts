import { UnrecoverableError, type Job } from 'bullmq';
import { MessageChannel } from '../schema/crm/message.entity.js';
import { deliverMessage, isMessageJob, mailRetryable, messageEmail, smsRetryable, type Delivery, type DeliveryOutcome } from '../api/src/crm/message-delivery.service.js';
import type { App } from '../api/src/platform/app.js';
import type { MailDriver } from '../api/src/platform/mail/mail-message.js';
import type { SmsDriver } from '../api/src/platform/sms/sms-driver.js';
import { smsStatusCallbackUrl } from '../api/src/platform/sms/status-callback.js';
import type { TenantJobData } from './queues.js';
import { postpone, type Processor } from './worker-host.js';

/** This run is the job's last: a failure then is final instead of retried. */
function lastAttempt(job: Job): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

function messageProcessor(app: App, delivery: Delivery): Processor {
  return async (job: Job<TenantJobData>, token?: string): Promise<DeliveryOutcome> => {
    if (!isMessageJob(job.data)) throw new UnrecoverableError(`Job ${job.id} is not a message`);
    const outcome = await deliverMessage(app, job.data, delivery, lastAttempt(job));
    // The CRM is switched off for the tenant: the message waits, as the module's other work does.
    if (outcome === 'module-off') return postpone(job, token);
    return outcome;
  };
}

/** A person's email, on the `mailing` queue: sent through the mail driver with our Message-ID. */
export function messageEmailProcessor(app: App, mail: MailDriver): Processor {
  return messageProcessor(app, {
    channel: MessageChannel.EMAIL,
    async send(message) {
      await mail.send(messageEmail(message));
      // The Message-ID is ours, made when the message was written; the driver's answer adds nothing.
      return { providerMessageId: null, from: null };
    },
    retryable: mailRetryable,
  });
}

/** A person's SMS, on the CRM's `sms` queue: sent through the SMS driver, keeping the provider's SID. */
export function smsProcessor(app: App, sms: SmsDriver): Processor {
  return messageProcessor(app, {
    channel: MessageChannel.SMS,
    // Twilio reports delivery (or its failure) to this company's callback address.
    send: (message) => sms.send({ to: message.to, body: message.body, statusCallback: smsStatusCallbackUrl(app.config.appUrl, message.tenantId) }),
    retryable: smsRetryable,
  });
}
