import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import type { TenantJobData } from './queues.js';
import { sendTaskReminder, type TaskReminderJob } from '../api/src/crm/task-reminder.service.js';
import type { App } from '../api/src/platform/app.js';
import { MODULE_OFF_RECHECK_MS } from './worker-host.js';

/** A task reached its due time: remind its assignee, in the app and by email, once. */
function isReminderJob(data: TenantJobData): data is TaskReminderJob {
  const record: Record<string, unknown> = { ...data };
  return typeof record.tenantId === 'string' && typeof record.taskId === 'string' && typeof record.dueAt === 'string';
}

export function reminderProcessor(app: App) {
  return async (job: Job<TenantJobData>, token?: string): Promise<'sent' | 'skipped'> => {
    const data = job.data;
    if (!isReminderJob(data)) throw new UnrecoverableError(`Job ${job.id} is not a task reminder`);
    // A run after a failure or a crash (a stalled job) may find its own earlier claim: then it only re-queues the email.
    const outcome = await sendTaskReminder(app, data, job.attemptsMade > 0 || job.stalledCounter > 0);
    if (outcome === 'feature-off') {
      // Like a switched-off module's jobs: postponed, not failed, until tasks are switched on again.
      await job.moveToDelayed(Date.now() + MODULE_OFF_RECHECK_MS, token);
      throw new DelayedError();
    }
    return outcome;
  };
}
