import { UnrecoverableError, type Job } from 'bullmq';
import { enroll } from '../api/src/marketing/automation-enroll.service.js';
import { advanceRun } from '../api/src/marketing/automation-engine.service.js';
import { ADVANCE_JOB, ENROLL_JOB, isAdvanceJob, isEnrollJob, isSweepJob, SWEEP_JOB } from '../api/src/marketing/automation-queue.js';
import type { AutomationSenders } from '../api/src/marketing/automation-send.service.js';
import { sweepTenant } from '../api/src/marketing/automation-sweep.service.js';
import { companyEmailSender, companySmsDriver } from '../api/src/marketing/senders.js';
import type { App } from '../api/src/platform/app.js';
import type { SmsDriver } from '../api/src/platform/sms/sms-driver.js';
import type { TenantJobData } from './queues.js';

/**
 * The automation queue: enrollments, runs moving on, and each company's periodic sweep. Jobs of a
 * company with marketing off wait (the worker host postpones them), so runs resume where they were.
 */
export function automationProcessor(app: App, sms: SmsDriver) {
  const senders: AutomationSenders = {
    // One connection per job: automation messages go one person at a time. The company's own accounts when it set them.
    email: (tenantId) => companyEmailSender(app, tenantId, 1),
    sms: (tenantId) => companySmsDriver(app, sms, tenantId),
  };
  return async (job: Job<TenantJobData>): Promise<number | null> => {
    const data = job.data;
    switch (job.name) {
      case ENROLL_JOB:
        if (!isEnrollJob(data)) throw new UnrecoverableError(`Job ${job.id} is not an automation enrollment`);
        return enroll(app, data);
      case ADVANCE_JOB:
        if (!isAdvanceJob(data)) throw new UnrecoverableError(`Job ${job.id} is not an automation run`);
        await advanceRun(app, senders, data, String(job.id));
        return null;
      case SWEEP_JOB:
        if (!isSweepJob(data)) throw new UnrecoverableError(`Job ${job.id} is not an automation sweep`);
        return sweepTenant(app, data.tenantId, String(job.id));
      default:
        throw new UnrecoverableError(`Unknown automation job ${job.name}`);
    }
  };
}
