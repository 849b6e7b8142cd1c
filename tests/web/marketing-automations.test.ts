import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { fieldOf } from '../../web/src/lib/api-error.js';
import { formFieldOf } from '../../web/src/lib/form-paths.js';
import { deliveryEventOf } from '../../web/src/modules/crm/timeline/delivery-event.js';
import { activationProblems } from '../../web/src/modules/marketing/automations/activation.js';
import {
  AUTOMATION_FORM_FIELDS,
  automationLocks,
  automationValues,
  copyValues,
  createAutomationInput,
  emptyAutomation,
  emptyTrigger,
  newStep,
  sendsSomething,
  stepInput,
  triggerInput,
  updateAutomationInput,
  validateAutomation,
  type AutomationDetail,
  type AutomationFormValues,
  type StepValues,
} from '../../web/src/modules/marketing/automations/automation-form.js';
import { runProgressWords, stepWords, triggerWords, waitWords, type AutomationNames } from '../../web/src/modules/marketing/automations/automation-words.js';
import { readAutomationsView } from '../../web/src/modules/marketing/automations/automations-view.js';

/** The key itself (with its parameters), so a test reads which message a check chose. */
const t = ((key: string, params?: Record<string, unknown>) => (params ? `${key} ${JSON.stringify(params)}` : key)) as unknown as TFunction;

/** Only the keys of the messages, for a test that checks which fields were refused. */
function refused(errors: Record<string, string | null>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).flatMap(([key, value]) => (value ? [[key, value.split(' ')[0] ?? '']] : [])));
}

function step(kind: StepValues['kind'], overrides: Partial<StepValues> = {}): StepValues {
  return { ...newStep(kind), ...overrides };
}

function automation(overrides: Partial<AutomationFormValues> = {}): AutomationFormValues {
  return { ...emptyAutomation(), name: 'Welcome', steps: [step('SEND_EMAIL', { templateId: 'tpl-1' })], ...overrides };
}

const NAMES: AutomationNames = {
  segment: (id) => ({ 'seg-1': 'VIP customers' })[id] ?? null,
  pipeline: (id) => ({ 'pipe-1': 'Sales' })[id] ?? null,
  stage: (id) => ({ 'stage-1': 'Proposal' })[id] ?? null,
  dateField: (key) => ({ birthday: 'Birthday' })[key] ?? null,
  template: (id) => ({ 'tpl-1': 'Welcome email' })[id],
};
const hour = (h: number) => `${String(h).padStart(2, '0')}:00`;

describe('automation builder: checks before a round trip (as the API makes them)', () => {
  it('accepts a named automation with a complete step', () => {
    expect(refused(validateAutomation(t, automation()))).toEqual({});
  });

  it('wants a name of at most 200 characters and at least one step, at most twenty', () => {
    expect(refused(validateAutomation(t, automation({ name: '  ', steps: [] })))).toEqual({ name: 'errors.reason.REQUIRED', steps: 'automations.form.addAStep' });
    expect(refused(validateAutomation(t, automation({ name: 'x'.repeat(201) })))).toEqual({ name: 'errors.reason.TOO_LONG' });
    const many = Array.from({ length: 21 }, () => step('WAIT'));
    expect(refused(validateAutomation(t, automation({ steps: many })))).toEqual({ steps: 'automations.form.tooManySteps' });
    expect(refused(validateAutomation(t, automation({ steps: many.slice(0, 20) })))).toEqual({});
  });

  it('checks a wait: whole days 0–365 and hours 0–23, not both 0 (said on the hours, as the API does)', () => {
    const errors = (days: number | string, hours: number | string) => refused(validateAutomation(t, automation({ steps: [step('WAIT', { days, hours })] })));
    expect(errors(1, 0)).toEqual({});
    expect(errors(0, 1)).toEqual({});
    expect(errors('', 5)).toEqual({});
    expect(errors(365, 23)).toEqual({});
    expect(errors(0, 0)).toEqual({ 'steps.0.hours': 'automations.form.waitAtLeastAnHour' });
    expect(errors('', '')).toEqual({ 'steps.0.hours': 'automations.form.waitAtLeastAnHour' });
    expect(errors(366, 0)).toEqual({ 'steps.0.days': 'errors.reason.OUT_OF_RANGE' });
    expect(errors(1, 24)).toEqual({ 'steps.0.hours': 'errors.reason.OUT_OF_RANGE' });
    expect(errors(1.5, 0)).toEqual({ 'steps.0.days': 'errors.reason.OUT_OF_RANGE' });
    expect(errors(-1, 3)).toEqual({ 'steps.0.days': 'errors.reason.OUT_OF_RANGE' });
  });

  it('wants a template on a send step and a segment on a condition, each named by its position', () => {
    const values = automation({ steps: [step('SEND_SMS'), step('WAIT'), step('CONDITION'), step('SEND_EMAIL', { templateId: 'tpl-1' })] });
    expect(refused(validateAutomation(t, values))).toEqual({ 'steps.0.templateId': 'automations.form.chooseTemplate', 'steps.2.segmentId': 'automations.form.chooseConditionSegment' });
    // A condition set through the API with a filter is complete as it is.
    expect(refused(validateAutomation(t, automation({ steps: [step('CONDITION', { contactFilter: { tags: ['vip'] } })] })))).toEqual({});
  });

  it("wants each trigger's own settings", () => {
    const errors = (trigger: Partial<AutomationFormValues['trigger']> & { kind: AutomationFormValues['trigger']['kind'] }) =>
      refused(validateAutomation(t, automation({ trigger: { ...emptyTrigger(trigger.kind), ...trigger } })));
    expect(errors({ kind: 'CONTACT_CREATED' })).toEqual({});
    expect(errors({ kind: 'TASK_OVERDUE' })).toEqual({});
    expect(errors({ kind: 'DEAL_WON' })).toEqual({});
    expect(errors({ kind: 'SEGMENT_ENTERED' })).toEqual({ 'trigger.segmentId': 'automations.form.chooseSegment' });
    expect(errors({ kind: 'SEGMENT_ENTERED', segmentId: 'seg-1' })).toEqual({});
    // The pipeline only narrows the stages offered: the stage is what counts.
    expect(errors({ kind: 'DEAL_STAGE_REACHED', pipelineId: 'pipe-1' })).toEqual({ 'trigger.stageId': 'automations.form.chooseStage' });
    expect(errors({ kind: 'DATE_FIELD' })).toEqual({ 'trigger.customFieldKey': 'automations.form.chooseDateField' });
    expect(errors({ kind: 'DATE_FIELD', customFieldKey: 'birthday', hour: 24 })).toEqual({ 'trigger.hour': 'errors.reason.OUT_OF_RANGE' });
    expect(errors({ kind: 'DATE_FIELD', customFieldKey: 'birthday', hour: 0 })).toEqual({});
  });

  it('checks only what is sent: a locked trigger or locked steps are not (a segment deleted since must not block a new name)', () => {
    const values = automation({ trigger: { ...emptyTrigger('SEGMENT_ENTERED'), segmentId: null }, steps: [step('CONDITION')] });
    expect(refused(validateAutomation(t, values))).toEqual({ 'trigger.segmentId': 'automations.form.chooseSegment', 'steps.0.segmentId': 'automations.form.chooseConditionSegment' });
    expect(refused(validateAutomation(t, values, automationLocks('PAUSED', 2)))).toEqual({ 'trigger.segmentId': 'automations.form.chooseSegment' });
    expect(refused(validateAutomation(t, { ...values, name: '' }, automationLocks('ACTIVE', 2)))).toEqual({ name: 'errors.reason.REQUIRED' });
  });

  it('says when the steps send nothing (allowed, but probably not meant)', () => {
    expect(sendsSomething([step('WAIT'), step('CONDITION')])).toBe(false);
    expect(sendsSomething([step('WAIT'), step('SEND_SMS')])).toBe(true);
  });
});

describe('automation builder: the step list and the API input', () => {
  it('sends only the settings of each kind, in the order of the list', () => {
    const values = automation({
      name: '  Birthday wishes ',
      trigger: { ...emptyTrigger('DATE_FIELD'), customFieldKey: 'birthday', dateMode: 'ON_DATE', hour: '7', segmentId: 'left-over', pipelineId: 'left-over' },
      steps: [
        step('WAIT', { days: '', hours: 3, templateId: 'left-over' }),
        step('CONDITION', { segmentId: 'seg-1', days: 4 }),
        step('SEND_EMAIL', { templateId: 'tpl-1', segmentId: 'left-over' }),
        step('SEND_SMS', { templateId: 'tpl-2' }),
      ],
    });
    expect(createAutomationInput(values)).toEqual({
      name: 'Birthday wishes',
      trigger: { kind: 'DATE_FIELD', customFieldKey: 'birthday', dateMode: 'ON_DATE', hour: 7 },
      steps: [
        { kind: 'WAIT', days: 0, hours: 3 },
        { kind: 'CONDITION', segmentId: 'seg-1' },
        { kind: 'SEND_EMAIL', templateId: 'tpl-1' },
        { kind: 'SEND_SMS', templateId: 'tpl-2' },
      ],
    });
  });

  it('gives each trigger kind only what the API takes for it (it refuses the others)', () => {
    const base = { ...emptyTrigger(), segmentId: 'seg-1', includeExisting: true, pipelineId: 'pipe-1', stageId: 'stage-1', customFieldKey: 'birthday' };
    expect(triggerInput({ ...base, kind: 'CONTACT_CREATED' })).toEqual({ kind: 'CONTACT_CREATED' });
    expect(triggerInput({ ...base, kind: 'TASK_OVERDUE' })).toEqual({ kind: 'TASK_OVERDUE' });
    expect(triggerInput({ ...base, kind: 'SEGMENT_ENTERED' })).toEqual({ kind: 'SEGMENT_ENTERED', segmentId: 'seg-1', includeExisting: true });
    expect(triggerInput({ ...base, kind: 'DEAL_STAGE_REACHED' })).toEqual({ kind: 'DEAL_STAGE_REACHED', stageId: 'stage-1' });
    expect(triggerInput({ ...base, kind: 'DEAL_WON' })).toEqual({ kind: 'DEAL_WON', pipelineId: 'pipe-1' });
    expect(triggerInput({ ...base, kind: 'DEAL_WON', pipelineId: null })).toEqual({ kind: 'DEAL_WON' });
    expect(triggerInput({ ...base, kind: 'DATE_FIELD' })).toEqual({ kind: 'DATE_FIELD', customFieldKey: 'birthday', dateMode: 'ANNIVERSARY', hour: 9 });
  });

  it('keeps a condition filter set through the API, until a segment replaces it', () => {
    const filter = { tags: ['vip'], emailConsent: 'GRANTED' };
    expect(stepInput(step('CONDITION', { contactFilter: filter }))).toEqual({ kind: 'CONDITION', contactFilter: filter });
    expect(stepInput(step('CONDITION', { contactFilter: filter, segmentId: 'seg-1' }))).toEqual({ kind: 'CONDITION', segmentId: 'seg-1' });
  });

  it('reads a saved automation back in the order of its positions, and sends it back unchanged', () => {
    const saved: Pick<AutomationDetail, 'name' | 'trigger' | 'steps'> = {
      name: 'Won deal thanks',
      trigger: { kind: 'DEAL_WON', pipelineId: 'pipe-1', segmentId: null, stageId: null, customFieldKey: null, dateMode: null, hour: null, includeExisting: false },
      steps: [
        { id: 's2', position: 1, kind: 'SEND_EMAIL', templateId: 'tpl-1', days: null, hours: null, segmentId: null, contactFilter: null },
        { id: 's1', position: 0, kind: 'WAIT', days: 2, hours: 0, templateId: null, segmentId: null, contactFilter: null },
        { id: 's3', position: 2, kind: 'CONDITION', segmentId: 'seg-1', days: null, hours: null, templateId: null, contactFilter: null },
      ],
    };
    const values = automationValues(saved);
    expect(values.steps.map((s) => s.kind)).toEqual(['WAIT', 'SEND_EMAIL', 'CONDITION']);
    expect(new Set(values.steps.map((s) => s.key)).size).toBe(3);
    expect(createAutomationInput(values)).toEqual({
      name: 'Won deal thanks',
      trigger: { kind: 'DEAL_WON', pipelineId: 'pipe-1' },
      steps: [
        { kind: 'WAIT', days: 2, hours: 0 },
        { kind: 'SEND_EMAIL', templateId: 'tpl-1' },
        { kind: 'CONDITION', segmentId: 'seg-1' },
      ],
    });
    // A copy: the same flow, new keys, its own name.
    const copy = copyValues(values, 'Copy of Won deal thanks');
    expect(copy.name).toBe('Copy of Won deal thanks');
    expect(createAutomationInput(copy).steps).toEqual(createAutomationInput(values).steps);
    expect(copy.steps.some((s, i) => s.key === values.steps[i]?.key)).toBe(false);
  });

  it('leaves out of a change what the API would not change now', () => {
    const values = automation({ trigger: { ...emptyTrigger('SEGMENT_ENTERED'), segmentId: 'seg-1' } });
    expect(automationLocks('DRAFT', 0)).toEqual({ trigger: null, steps: null });
    expect(automationLocks('PAUSED', 0)).toEqual({ trigger: null, steps: null });
    expect(automationLocks('PAUSED', 3)).toEqual({ trigger: null, steps: 'STARTED' });
    expect(automationLocks('ACTIVE', 0)).toEqual({ trigger: 'ACTIVE', steps: 'ACTIVE' });
    expect(updateAutomationInput('a1', values, automationLocks('DRAFT', 0))).toEqual({
      id: 'a1',
      name: 'Welcome',
      trigger: { kind: 'SEGMENT_ENTERED', segmentId: 'seg-1', includeExisting: false },
      steps: [{ kind: 'SEND_EMAIL', templateId: 'tpl-1' }],
    });
    expect(updateAutomationInput('a1', values, automationLocks('PAUSED', 3))).toEqual({ id: 'a1', name: 'Welcome', trigger: { kind: 'SEGMENT_ENTERED', segmentId: 'seg-1', includeExisting: false } });
    expect(updateAutomationInput('a1', values, automationLocks('ACTIVE', 3))).toEqual({ id: 'a1', name: 'Welcome' });
  });

  it("lands the API's refusals on the builder's fields: a step's on that step, the trigger's on the trigger", () => {
    const values = automation({ steps: [step('WAIT'), step('SEND_EMAIL'), step('CONDITION')] });
    const landing = (path: string[]) => {
      const name = fieldOf({ path, message: '' });
      return name === null ? null : formFieldOf(name, values, AUTOMATION_FORM_FIELDS);
    };
    expect(landing(['input', 'steps', '1', 'templateId'])).toBe('steps.1.templateId');
    expect(landing(['input', 'steps', '0', 'hours'])).toBe('steps.0.hours');
    expect(landing(['input', 'steps', '2', 'contactFilter', 'tags'])).toBe('steps.2.contactFilter');
    expect(landing(['input', 'steps'])).toBe('steps');
    expect(landing(['input', 'trigger', 'segmentId'])).toBe('trigger.segmentId');
    expect(landing(['input', 'trigger'])).toBe('trigger');
    expect(landing(['input', 'name'])).toBe('name');
    // The automation as a whole (activation): no field, a message.
    expect(landing(['input', 'id'])).toBeNull();
  });
});

describe('automation rules and words', () => {
  it('finds before asking why the API would not switch it on', () => {
    const trigger = { kind: 'SEGMENT_ENTERED' as const, segmentId: null };
    expect(activationProblems({ trigger, steps: [] })).toEqual([{ key: 'noSteps' }, { key: 'triggerSegmentDeleted' }]);
    expect(
      activationProblems({
        trigger: { kind: 'CONTACT_CREATED' },
        steps: [
          { kind: 'CONDITION', position: 1, segmentId: null, contactFilter: null },
          { kind: 'CONDITION', position: 0, segmentId: 'seg-1' },
          { kind: 'CONDITION', position: 2, contactFilter: { tags: ['x'] } },
        ],
      }),
    ).toEqual([{ key: 'conditionSegmentDeleted', step: 2 }]);
    expect(activationProblems({ trigger: { kind: 'SEGMENT_ENTERED', segmentId: 'seg-1' }, steps: [{ kind: 'WAIT', position: 0 }] })).toEqual([]);
  });

  it('says what starts an automation, with the names it refers to (loading and deleted ones too)', () => {
    expect(triggerWords(t, { kind: 'CONTACT_CREATED' }, NAMES, hour)).toBe('automations.words.trigger.CONTACT_CREATED');
    expect(triggerWords(t, { kind: 'SEGMENT_ENTERED', segmentId: 'seg-1' }, NAMES, hour)).toBe('automations.words.trigger.SEGMENT_ENTERED {"segment":"VIP customers"}');
    expect(triggerWords(t, { kind: 'SEGMENT_ENTERED', segmentId: 'gone', includeExisting: true }, NAMES, hour)).toBe(
      'automations.words.trigger.SEGMENT_ENTERED_existing {"segment":"automations.words.deleted"}',
    );
    expect(triggerWords(t, { kind: 'DEAL_STAGE_REACHED', stageId: 'stage-1', pipelineId: 'pipe-1' }, NAMES, hour)).toBe(
      'automations.words.trigger.DEAL_STAGE_REACHED_pipeline {"stage":"Proposal","pipeline":"Sales"}',
    );
    expect(triggerWords(t, { kind: 'DEAL_WON', pipelineId: null }, NAMES, hour)).toBe('automations.words.trigger.DEAL_WON');
    expect(triggerWords(t, { kind: 'DATE_FIELD', customFieldKey: 'birthday', dateMode: 'ANNIVERSARY', hour: 8 }, NAMES, hour)).toBe(
      'automations.words.trigger.DATE_FIELD_ANNIVERSARY {"field":"Birthday","hour":"08:00"}',
    );
    expect(stepWords(t, { kind: 'SEND_EMAIL', templateId: 'tpl-1' }, NAMES)).toBe('automations.words.step.SEND_EMAIL {"template":"Welcome email"}');
    // A template still loading is "…", never its id.
    expect(stepWords(t, { kind: 'SEND_SMS', templateId: 'tpl-9' }, NAMES)).toBe('automations.words.step.SEND_SMS {"template":"…"}');
    expect(stepWords(t, { kind: 'CONDITION', contactFilter: { tags: ['vip'] } }, NAMES)).toBe('automations.words.step.CONDITION_filter');
    expect(waitWords(t, 2, 3)).toBe('automations.words.days {"count":2} automations.words.hours {"count":3}');
    expect(waitWords(t, 2, 0)).toBe('automations.words.days {"count":2}');
    expect(waitWords(t, 0, 5)).toBe('automations.words.hours {"count":5}');
  });

  it('says where a run stands: the next step (positions count from 0), or how it ended', () => {
    expect(runProgressWords(t, { status: 'ACTIVE', stepPosition: 1 }, 3)).toBe('automations.runs.atStep {"step":2,"total":3}');
    expect(runProgressWords(t, { status: 'DONE', stepPosition: 3 }, 3)).toBe('automations.runs.finished');
    expect(runProgressWords(t, { status: 'STOPPED', stepPosition: 1 }, 3)).toBe('automations.runs.stoppedAt {"step":2}');
    expect(runProgressWords(t, { status: 'EXCLUDED', stepPosition: 0 }, 3)).toBe('automations.runs.excludedNote');
  });

  it('reads the list filter from the address, ignoring what is not a status', () => {
    expect(readAutomationsView(new URLSearchParams('status=ACTIVE'))).toEqual({ status: 'ACTIVE', narrowed: true, filter: { statuses: ['ACTIVE'] } });
    expect(readAutomationsView(new URLSearchParams('status=SENT'))).toEqual({ status: null, narrowed: false, filter: null });
  });
});

describe("marketing messages in a person's history", () => {
  const event = { kind: 'OPENED' as const, channel: 'EMAIL' as const, address: 'ana@example.com', detail: null, occurredAt: '2026-03-10T12:00:00Z' };

  it('shows a campaign event and an automation event as one shape, each with what sent it', () => {
    expect(deliveryEventOf({ kind: 'CAMPAIGN_EVENT', campaignEvent: { ...event, campaignId: 'c1', campaignName: 'Spring news' } })).toEqual({
      ...event,
      source: { type: 'campaign', id: 'c1', name: 'Spring news' },
    });
    expect(deliveryEventOf({ kind: 'AUTOMATION_EVENT', automationEvent: { ...event, kind: 'SENT', automationId: 'a1', automationName: 'Welcome' } })).toEqual({
      ...event,
      kind: 'SENT',
      source: { type: 'automation', id: 'a1', name: 'Welcome' },
    });
  });

  it('shows nothing for other entries, or when the marketing fields were not asked for (module off)', () => {
    expect(deliveryEventOf({ kind: 'CAMPAIGN_EVENT' })).toBeNull();
    expect(deliveryEventOf({ kind: 'AUTOMATION_EVENT', campaignEvent: { ...event, campaignId: 'c1', campaignName: 'x' } })).toBeNull();
    expect(deliveryEventOf({ kind: 'INTERACTION', campaignEvent: null, automationEvent: null })).toBeNull();
  });
});
