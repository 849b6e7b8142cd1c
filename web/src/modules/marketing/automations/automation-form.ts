import type { TFunction } from 'i18next';
import type {
  AutomationDetailQuery,
  AutomationStatus,
  AutomationStepInput,
  AutomationStepKind,
  AutomationTriggerInput,
  AutomationTriggerKind,
  ContactFilter,
  CreateAutomationInput,
  DateTriggerMode,
  UpdateAutomationInput,
} from '../../../gql/graphql.js';
import { required } from '../../../lib/validators.js';

/** The API's limits. */
export const AUTOMATION_NAME_MAX = 200;
export const STEPS_MAX = 20;
export const WAIT_DAYS_MAX = 365;
export const HOUR_MAX = 23;
/** The hour a date trigger fires from when none is chosen (the API's default). */
export const DEFAULT_HOUR = 9;

export const TRIGGER_KINDS: AutomationTriggerKind[] = ['CONTACT_CREATED', 'SEGMENT_ENTERED', 'DEAL_STAGE_REACHED', 'DEAL_WON', 'TASK_OVERDUE', 'DATE_FIELD'];
export const STEP_KINDS: AutomationStepKind[] = ['WAIT', 'SEND_EMAIL', 'SEND_SMS', 'CONDITION'];
export const DATE_MODES: DateTriggerMode[] = ['ANNIVERSARY', 'ON_DATE'];

/** The CRM feature a trigger needs besides the module (the API refuses the trigger while it is off). */
export const TRIGGER_FEATURE: Record<AutomationTriggerKind, string | null> = {
  CONTACT_CREATED: null,
  SEGMENT_ENTERED: 'CRM.segments',
  DEAL_STAGE_REACHED: 'CRM.deals',
  DEAL_WON: 'CRM.deals',
  TASK_OVERDUE: 'CRM.tasks',
  DATE_FIELD: 'CRM.customFields',
};

/** A condition is on a segment here (the API also takes a filter, kept as it is when one was set). */
export const STEP_FEATURE: Record<AutomationStepKind, string | null> = { WAIT: null, SEND_EMAIL: null, SEND_SMS: null, CONDITION: 'CRM.segments' };

export type AutomationDetail = AutomationDetailQuery['automation'];

export interface TriggerValues {
  kind: AutomationTriggerKind;
  /** SEGMENT_ENTERED. */
  segmentId: string | null;
  includeExisting: boolean;
  /** DEAL_WON (none: any pipeline); DEAL_STAGE_REACHED: only narrows the stages offered. */
  pipelineId: string | null;
  /** DEAL_STAGE_REACHED. */
  stageId: string | null;
  /** DATE_FIELD. */
  customFieldKey: string | null;
  dateMode: DateTriggerMode;
  /** The company's local hour, as typed. */
  hour: number | string;
}

export interface StepValues {
  /** This screen's own name for the step, so React keeps its inputs through moves. */
  key: string;
  kind: AutomationStepKind;
  /** WAIT, as typed. */
  days: number | string;
  hours: number | string;
  /** SEND_EMAIL, SEND_SMS. */
  templateId: string | null;
  /** CONDITION. */
  segmentId: string | null;
  /** CONDITION set through the API with a filter: sent back unchanged until a segment replaces it. */
  contactFilter: Record<string, unknown> | null;
}

export interface AutomationFormValues {
  name: string;
  trigger: TriggerValues;
  steps: StepValues[];
}

let keys = 0;

/** A key no other step of this page has. */
export function stepKey(): string {
  keys += 1;
  return `step-${keys}`;
}

export function emptyTrigger(kind: AutomationTriggerKind = 'CONTACT_CREATED'): TriggerValues {
  return { kind, segmentId: null, includeExisting: false, pipelineId: null, stageId: null, customFieldKey: null, dateMode: 'ANNIVERSARY', hour: DEFAULT_HOUR };
}

/** A new step of a kind, ready to be filled in: a wait starts at one day. */
export function newStep(kind: AutomationStepKind, key: string = stepKey()): StepValues {
  return { key, kind, days: kind === 'WAIT' ? 1 : 0, hours: 0, templateId: null, segmentId: null, contactFilter: null };
}

export function emptyAutomation(): AutomationFormValues {
  return { name: '', trigger: emptyTrigger(), steps: [] };
}

/** The builder's values for a saved automation (or a copy of it). */
export function automationValues(automation: Pick<AutomationDetail, 'name' | 'trigger' | 'steps'>): AutomationFormValues {
  const trigger = automation.trigger;
  return {
    name: automation.name,
    trigger: {
      kind: trigger.kind,
      segmentId: trigger.segmentId ?? null,
      includeExisting: trigger.includeExisting,
      pipelineId: trigger.pipelineId ?? null,
      stageId: trigger.stageId ?? null,
      customFieldKey: trigger.customFieldKey ?? null,
      dateMode: trigger.dateMode ?? 'ANNIVERSARY',
      hour: trigger.hour ?? DEFAULT_HOUR,
    },
    steps: [...automation.steps]
      .sort((a, b) => a.position - b.position)
      .map((step) => ({
        key: stepKey(),
        kind: step.kind,
        days: step.days ?? 0,
        hours: step.hours ?? 0,
        templateId: step.templateId ?? null,
        segmentId: step.segmentId ?? null,
        contactFilter: step.contactFilter ?? null,
      })),
  };
}

/** A whole number typed in a number field, or null ('' counts as 0 where `emptyIsZero`; fractions are not numbers here). */
function wholeNumber(value: number | string, emptyIsZero = false): number | null {
  if (typeof value === 'string' && value.trim() === '') return emptyIsZero ? 0 : null;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isInteger(number) ? number : null;
}

export type AutomationErrors = Record<string, string | null>;

function triggerErrors(t: TFunction, trigger: TriggerValues): AutomationErrors {
  switch (trigger.kind) {
    case 'SEGMENT_ENTERED':
      return { 'trigger.segmentId': trigger.segmentId ? null : t('automations.form.chooseSegment') };
    case 'DEAL_STAGE_REACHED':
      return { 'trigger.stageId': trigger.stageId ? null : t('automations.form.chooseStage') };
    case 'DATE_FIELD': {
      const hour = wholeNumber(trigger.hour);
      return {
        'trigger.customFieldKey': trigger.customFieldKey ? null : t('automations.form.chooseDateField'),
        'trigger.hour': hour === null || hour < 0 || hour > HOUR_MAX ? t('errors.reason.OUT_OF_RANGE', { min: 0, max: HOUR_MAX }) : null,
      };
    }
    default:
      return {};
  }
}

function stepErrors(t: TFunction, step: StepValues, index: number): AutomationErrors {
  const at = (field: string) => `steps.${index}.${field}`;
  switch (step.kind) {
    case 'WAIT': {
      const days = wholeNumber(step.days, true);
      const hours = wholeNumber(step.hours, true);
      const daysError = days === null || days < 0 || days > WAIT_DAYS_MAX ? t('errors.reason.OUT_OF_RANGE', { min: 0, max: WAIT_DAYS_MAX }) : null;
      const hoursError = hours === null || hours < 0 || hours > HOUR_MAX ? t('errors.reason.OUT_OF_RANGE', { min: 0, max: HOUR_MAX }) : null;
      const tooShort = !daysError && !hoursError && days === 0 && hours === 0 ? t('automations.form.waitAtLeastAnHour') : null;
      return { [at('days')]: daysError, [at('hours')]: hoursError ?? tooShort };
    }
    case 'SEND_EMAIL':
    case 'SEND_SMS':
      return { [at('templateId')]: step.templateId ? null : t('automations.form.chooseTemplate') };
    case 'CONDITION':
      return { [at('segmentId')]: step.segmentId || step.contactFilter ? null : t('automations.form.chooseConditionSegment') };
  }
}

/**
 * The API's checks, made before a round trip, in the user's language; keyed by the form's paths
 * ("steps.2.templateId"). A locked part is not sent, so it is not checked either (a segment deleted
 * since must not keep the name from changing).
 */
export function validateAutomation(t: TFunction, values: AutomationFormValues, locks: AutomationLocks = { trigger: null, steps: null }): AutomationErrors {
  const errors: AutomationErrors = { name: required(t, AUTOMATION_NAME_MAX)(values.name) };
  if (!locks.trigger) Object.assign(errors, triggerErrors(t, values.trigger));
  if (locks.steps) return errors;
  errors.steps = values.steps.length === 0 ? t('automations.form.addAStep') : values.steps.length > STEPS_MAX ? t('automations.form.tooManySteps', { max: STEPS_MAX }) : null;
  values.steps.forEach((step, index) => Object.assign(errors, stepErrors(t, step, index)));
  return errors;
}

/** Only the settings of the trigger's kind: the API refuses the others rather than dropping them. */
export function triggerInput(trigger: TriggerValues): AutomationTriggerInput {
  switch (trigger.kind) {
    case 'SEGMENT_ENTERED':
      return { kind: trigger.kind, segmentId: trigger.segmentId, includeExisting: trigger.includeExisting };
    case 'DEAL_STAGE_REACHED':
      return { kind: trigger.kind, stageId: trigger.stageId };
    case 'DEAL_WON':
      return trigger.pipelineId ? { kind: trigger.kind, pipelineId: trigger.pipelineId } : { kind: trigger.kind };
    case 'DATE_FIELD':
      return { kind: trigger.kind, customFieldKey: trigger.customFieldKey, dateMode: trigger.dateMode, hour: wholeNumber(trigger.hour) ?? DEFAULT_HOUR };
    default:
      return { kind: trigger.kind };
  }
}

/** One step as the API takes it: only the settings of its kind. */
export function stepInput(step: StepValues): AutomationStepInput {
  switch (step.kind) {
    case 'WAIT':
      return { kind: step.kind, days: wholeNumber(step.days, true) ?? 0, hours: wholeNumber(step.hours, true) ?? 0 };
    case 'SEND_EMAIL':
    case 'SEND_SMS':
      return { kind: step.kind, templateId: step.templateId };
    case 'CONDITION':
      // The filter is the API's own ContactFilter, as it answered it: sent back unchanged.
      return step.segmentId ? { kind: step.kind, segmentId: step.segmentId } : { kind: step.kind, contactFilter: step.contactFilter as ContactFilter | null };
  }
}

export function createAutomationInput(values: AutomationFormValues): CreateAutomationInput {
  return { name: values.name.trim(), trigger: triggerInput(values.trigger), steps: values.steps.map(stepInput) };
}

/** What may change now (see `automationLocks`): a locked part is left out, so it stays as it is. */
export function updateAutomationInput(id: string, values: AutomationFormValues, locks: AutomationLocks): UpdateAutomationInput {
  const input: UpdateAutomationInput = { id, name: values.name.trim() };
  if (!locks.trigger) input.trigger = triggerInput(values.trigger);
  if (!locks.steps) input.steps = values.steps.map(stepInput);
  return input;
}

export type TriggerLock = 'ACTIVE' | null;
export type StepsLock = 'ACTIVE' | 'STARTED' | null;

export interface AutomationLocks {
  trigger: TriggerLock;
  steps: StepsLock;
}

/**
 * The API's rules for changes: the trigger and the steps only while not active; the steps only
 * before anyone went through them (each person passes each step once, so steps people passed stay).
 * The name always.
 */
export function automationLocks(status: AutomationStatus, runs: number): AutomationLocks {
  if (status === 'ACTIVE') return { trigger: 'ACTIVE', steps: 'ACTIVE' };
  return { trigger: null, steps: runs > 0 ? 'STARTED' : null };
}

/** A copy to start a new automation from: the same trigger and steps, named as a copy. */
export function copyValues(values: AutomationFormValues, name: string): AutomationFormValues {
  return { ...values, name, trigger: { ...values.trigger }, steps: values.steps.map((step) => ({ ...step, key: stepKey() })) };
}

/** Whether the steps send anything: a flow of waits and conditions only is allowed, but does nothing. */
export function sendsSomething(steps: StepValues[]): boolean {
  return steps.some((step) => step.kind === 'SEND_EMAIL' || step.kind === 'SEND_SMS');
}

/**
 * API paths (inside `input`) that land elsewhere than their own name: none, the builder's values are
 * shaped as the input ("steps.2.templateId", "trigger.segmentId"; "trigger" itself shows on the kind).
 * A refusal of the automation as a whole (`id`, on activation) has no field and is shown as a message.
 */
export const AUTOMATION_FORM_FIELDS: Record<string, string> = {};
