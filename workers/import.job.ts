import { UnrecoverableError, type Job } from 'bullmq';
import { failImport, isImportJob, runImportJob, type ImportOutcome, type ImportRunHooks } from '../api/src/crm/import-runner.service.js';
import type { App } from '../api/src/platform/app.js';
import type { TenantJobData } from './queues.js';
import { postpone, type Processor } from './worker-host.js';

/** This run is the job's last: a failure then is final instead of retried. */
function lastAttempt(job: Job): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

/**
 * Runs an import, batch by batch. A crash or a failed batch leaves the committed batches in place;
 * the retry (or a stalled job's second run) resumes at the first unfinished batch. After the last
 * attempt the import is FAILED. While the CRM (or a feature the mapping needs) is off, the job waits.
 */
export function importProcessor(app: App, hooks: ImportRunHooks = {}): Processor {
  return async (job: Job<TenantJobData>, token?: string): Promise<ImportOutcome> => {
    const data = job.data;
    if (!isImportJob(data)) throw new UnrecoverableError(`Job ${job.id} is not an import`);
    let outcome: ImportOutcome;
    try {
      outcome = await runImportJob(app, data, String(job.id), hooks);
    } catch (error) {
      if (lastAttempt(job)) await failImport(app, data, 'The import stopped after repeated server errors; the rows of finished batches were kept');
      throw error;
    }
    if (outcome === 'paused') return postpone(job, token);
    return outcome;
  };
}
