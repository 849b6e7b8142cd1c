import type { TFunction } from 'i18next';
import type { AutomationRunStatus, AutomationStepKind, AutomationTriggerKind, DateTriggerMode } from '../../../gql/graphql.js';

/**
 * The names an automation refers to by id. `undefined`: not known yet (still loading); `null`: gone
 * (deleted since, or the feature it belongs to is off).
 */
export interface AutomationNames {
  segment: (id: string) => string | null | undefined;
  pipeline: (id: string) => string | null | undefined;
  stage: (id: string) => string | null | undefined;
  dateField: (key: string) => string | null | undefined;
  template: (id: string) => string | null | undefined;
}

export interface TriggerLike {
  kind: AutomationTriggerKind;
  segmentId?: string | null;
  includeExisting?: boolean | null;
  pipelineId?: string | null;
  stageId?: string | null;
  customFieldKey?: string | null;
  dateMode?: DateTriggerMode | null;
  hour?: number | string | null;
}

export interface StepLike {
  kind: AutomationStepKind;
  days?: number | string | null;
  hours?: number | string | null;
  templateId?: string | null;
  segmentId?: string | null;
  contactFilter?: Record<string, unknown> | null;
}

/** A name as the sentence shows it: "…" while loading, "(deleted)" when gone, the id's own text never. */
function named(t: TFunction, name: string | null | undefined): string {
  return name === undefined ? '…' : name === null ? t('automations.words.deleted') : name;
}

function number(value: number | string | null | undefined): number {
  const n = typeof value === 'number' ? value : Number(value ?? 0);
  return Number.isFinite(n) ? n : 0;
}

/** What starts the automation, in a sentence ("When a person joins VIP customers"). `hour` words an hour of the day. */
export function triggerWords(t: TFunction, trigger: TriggerLike, names: AutomationNames, hour: (hour: number) => string): string {
  switch (trigger.kind) {
    case 'CONTACT_CREATED':
      return t('automations.words.trigger.CONTACT_CREATED');
    case 'SEGMENT_ENTERED': {
      const segment = named(t, trigger.segmentId ? names.segment(trigger.segmentId) : null);
      return trigger.includeExisting ? t('automations.words.trigger.SEGMENT_ENTERED_existing', { segment }) : t('automations.words.trigger.SEGMENT_ENTERED', { segment });
    }
    case 'DEAL_STAGE_REACHED': {
      const stage = named(t, trigger.stageId ? names.stage(trigger.stageId) : null);
      const pipeline = trigger.pipelineId ? names.pipeline(trigger.pipelineId) : null;
      return pipeline ? t('automations.words.trigger.DEAL_STAGE_REACHED_pipeline', { stage, pipeline }) : t('automations.words.trigger.DEAL_STAGE_REACHED', { stage });
    }
    case 'DEAL_WON':
      return trigger.pipelineId
        ? t('automations.words.trigger.DEAL_WON_pipeline', { pipeline: named(t, names.pipeline(trigger.pipelineId)) })
        : t('automations.words.trigger.DEAL_WON');
    case 'TASK_OVERDUE':
      return t('automations.words.trigger.TASK_OVERDUE');
    case 'DATE_FIELD': {
      const field = named(t, trigger.customFieldKey ? names.dateField(trigger.customFieldKey) : null);
      const at = hour(number(trigger.hour ?? 9));
      return trigger.dateMode === 'ON_DATE' ? t('automations.words.trigger.DATE_FIELD_ON_DATE', { field, hour: at }) : t('automations.words.trigger.DATE_FIELD_ANNIVERSARY', { field, hour: at });
    }
  }
}

/** How long a wait lasts ("2 days 3 hours", "1 hour"). */
export function waitWords(t: TFunction, days: number | string | null | undefined, hours: number | string | null | undefined): string {
  const d = number(days);
  const h = number(hours);
  const parts: string[] = [];
  if (d > 0) parts.push(t('automations.words.days', { count: d }));
  if (h > 0 || d === 0) parts.push(t('automations.words.hours', { count: h }));
  return parts.join(' ');
}

/** What a step does, in a sentence ("Wait 2 days", "Send the email Welcome"). */
export function stepWords(t: TFunction, step: StepLike, names: AutomationNames): string {
  switch (step.kind) {
    case 'WAIT':
      return t('automations.words.step.WAIT', { duration: waitWords(t, step.days, step.hours) });
    case 'SEND_EMAIL':
    case 'SEND_SMS':
      return t(`automations.words.step.${step.kind}`, { template: named(t, step.templateId ? names.template(step.templateId) : null) });
    case 'CONDITION':
      if (step.segmentId) return t('automations.words.step.CONDITION', { segment: named(t, names.segment(step.segmentId)) });
      return step.contactFilter ? t('automations.words.step.CONDITION_filter') : t('automations.words.step.CONDITION', { segment: named(t, null) });
  }
}

/**
 * Where a run is, in words: the step it waits at ("At step 2 of 3"), or how it ended. The API counts
 * positions from 0 and says the number of steps once done.
 */
export function runProgressWords(t: TFunction, run: { status: AutomationRunStatus; stepPosition: number }, stepCount: number): string {
  switch (run.status) {
    case 'ACTIVE':
      return t('automations.runs.atStep', { step: Math.min(run.stepPosition + 1, Math.max(stepCount, 1)), total: stepCount });
    case 'DONE':
      return t('automations.runs.finished');
    case 'STOPPED':
      return t('automations.runs.stoppedAt', { step: run.stepPosition + 1 });
    case 'EXCLUDED':
      return t('automations.runs.excludedNote');
  }
}
