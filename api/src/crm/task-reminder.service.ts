import { Notification } from '../../../schema/platform/notification.entity.js';
import type { Task } from '../../../schema/crm/task.entity.js';
import type { App } from '../platform/app.js';
import type { RequestContext } from '../platform/context/request-context.js';
import { inTenant } from '../platform/context/tenant-scope.js';
import { toGlobalId } from '../graphql/global-id.js';
import { loadTenantModules } from '../platform/modules/module.service.js';
import { message } from '../platform/mail/auth-emails.js';
import { enqueueMail } from '../platform/mail/mail.service.js';
import type { TenantJobData } from '../../../workers/queues.js';

/** The CRM's queue of reminders (declared in its manifest, so it pauses while the CRM is off). */
export const REMINDER_QUEUE = 'reminder';

export interface TaskReminderJob extends TenantJobData {
  tenantId: string;
  taskId: string;
  /** The due time this reminder is for; a moved task gets a new job and this one does nothing. */
  dueAt: string;
}

/** Where the web app opens a task: by the id the API gives it. */
function taskLink(taskId: string): string {
  return `/tasks?task=${encodeURIComponent(toGlobalId('Task', taskId))}`;
}

/** One reminder job per task and due time: adding it twice (a retry, a double save) keeps one. */
function reminderJobId(taskId: string, dueAt: Date): string {
  return `task-${taskId}-${dueAt.getTime()}`;
}

/**
 * After the task is committed, a delayed job waits for its due time (in the queue's store, so it
 * survives restarts). Completed, unassigned or undated tasks need none.
 */
export function scheduleTaskReminder(ctx: RequestContext, task: Task): void {
  const dueAt = task.dueAt;
  if (!dueAt || task.completedAt || !task.assigneeId) return;
  const data: TaskReminderJob = { tenantId: task.tenantId, taskId: task.id, dueAt: dueAt.toISOString() };
  ctx.afterCommit(async () => {
    await ctx.app.jobs.add(REMINDER_QUEUE, 'task-due', data, { jobId: reminderJobId(task.id, dueAt), delay: Math.max(0, dueAt.getTime() - Date.now()) });
  });
}

interface Reminded {
  title: string;
  email: string;
  timeZone: string;
  locale: string;
}

/**
 * Sends the reminder of one task for one due time, at most once: the task row is claimed
 * (`reminded_due_at`) in the same transaction that writes the in-app notification, and the email
 * job has a fixed id, so a retry after a crash neither repeats nor skips either.
 */
export async function sendTaskReminder(app: App, job: TaskReminderJob, retry: boolean): Promise<'sent' | 'skipped' | 'feature-off'> {
  const reminded = await inTenant(app.orm, job.tenantId, null, async (em): Promise<Reminded | 'feature-off' | null> => {
    // Tasks switched off: the reminder waits (the caller postpones the job) rather than being lost.
    if (!(await loadTenantModules(em, app.registry)).isFeatureEnabled('CRM.tasks')) return 'feature-off';
    const claimed = await em.execute<{ assignee_id: string; title: string }[]>(
      `update crm_tasks set reminded_due_at = due_at
        where tenant_id = ? and id = ? and due_at = ?::timestamptz and completed_at is null
          and reminded_due_at is distinct from due_at
          -- Only a current member is reminded; a former member's tasks wait for a new assignee.
          and exists (select 1 from memberships m where m.tenant_id = crm_tasks.tenant_id and m.user_id = crm_tasks.assignee_id)
        returning assignee_id, title`,
      [job.tenantId, job.taskId, job.dueAt],
    );
    const task = claimed[0];
    if (task) {
      em.persist(
        em.create(Notification, {
          tenantId: job.tenantId,
          userId: task.assignee_id,
          kind: 'TASK_DUE',
          params: { title: task.title, dueAt: job.dueAt },
          link: taskLink(job.taskId),
        }),
      );
    }
    // Claimed now, or (on a retry) by an earlier run of this job whose email did not get queued.
    if (!task && !retry) return null;
    const rows = await em.execute<{ title: string; email: string; time_zone: string; locale: string }[]>(
      `select t.title, u.email, s.time_zone, u.locale
         from crm_tasks t
         join memberships m on m.tenant_id = t.tenant_id and m.user_id = t.assignee_id
         join users u on u.id = m.user_id
         join tenant_settings s on s.tenant_id = t.tenant_id
        where t.tenant_id = ? and t.id = ? and t.reminded_due_at = ?::timestamptz and t.completed_at is null`,
      [job.tenantId, job.taskId, job.dueAt],
    );
    const row = rows[0];
    return row ? { title: row.title, email: row.email, timeZone: row.time_zone, locale: row.locale } : null;
  });
  if (reminded === 'feature-off') return 'feature-off';
  if (!reminded) return 'skipped';
  // In the company's time zone, named, so nobody misreads it wherever they are.
  const due = new Intl.DateTimeFormat(reminded.locale, {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: reminded.timeZone,
    timeZoneName: 'short',
  }).format(new Date(job.dueAt));
  const link = `${app.config.appUrl}${taskLink(job.taskId)}`;
  await enqueueMail(app, job.tenantId, message(reminded.email, `Reminder: ${reminded.title}`, [`“${reminded.title}” is due ${due}.`], { href: link, label: 'Open the task' }), {
    jobId: `task-mail-${job.taskId}-${new Date(job.dueAt).getTime()}`,
  });
  return 'sent';
}
