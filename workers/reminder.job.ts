import { UnrecoverableError, type Job } from 'bullmq';
import type { TenantJobData } from './queues.js';
import { sendTaskReminder, type TaskReminderJob } from '../api/src/crm/task-reminder.service.js';
import type { App } from '../api/src/platform/app.js';
import { postpone } from './worker-host.js';

/** The job carries what a reminder needs (jobs are data from the queue store, not trusted types). */
function isReminderJob(data: TenantJobData): data is TaskReminderJob {
  const record: Record<string, unknown> = { ...data };
  return typeof record.tenantId === 'string' && typeof record.taskId === 'string' && typeof record.dueAt === 'string';
}

/** A task reached its due time: remind its assignee, in the app and by email, once. */
export function reminderProcessor(app: App) {
  return async (job: Job<TenantJobData>, token?: string): Promise<'sent' | 'skipped'> => {
    const data = job.data;
    if (!isReminderJob(data)) throw new UnrecoverableError(`Job ${job.id} is not a task reminder`);
    // A run after a failure or a crash (a stalled job) may find its own earlier claim: then it only re-queues the email.
    const outcome = await sendTaskReminder(app, data, job.attemptsMade > 0 || job.stalledCounter > 0);
    // Like a switched-off module's jobs: postponed, not failed, until tasks are switched on again.
    if (outcome === 'feature-off') return postpone(job, token);
    return outcome;
  };
}
