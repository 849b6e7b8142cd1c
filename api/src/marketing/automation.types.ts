import { GraphQLJSONObject } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AutomationRunStatus } from '../../../schema/marketing/automation-run.entity.js';
import { AutomationStepKind } from '../../../schema/marketing/automation-step.entity.js';
import { AutomationStatus, AutomationTriggerKind } from '../../../schema/marketing/automation.entity.js';
import { ContactFilter } from '../crm/contact.types.js';
import { Connection } from '../graphql/pagination.js';
import { DateTimeScalar } from '../graphql/scalars.js';
import { DateTriggerMode } from './automation-trigger.js';

registerEnumType(AutomationStatus, { name: 'AutomationStatus', description: 'DRAFT until first switched on; ACTIVE reacts to its trigger; PAUSED does nothing (its runs wait).' });
registerEnumType(AutomationTriggerKind, {
  name: 'AutomationTriggerKind',
  description: 'What starts a run for a person.',
  valuesConfig: {
    CONTACT_CREATED: { description: 'A person was added (not by a CSV import).' },
    SEGMENT_ENTERED: { description: 'A person joined a segment (a customer segment: a person of a customer that joined); checked every few minutes.' },
    DEAL_STAGE_REACHED: { description: 'A deal was created in, or moved to, a stage: its person.' },
    DEAL_WON: { description: 'A deal (of a pipeline, or any) was won: its person.' },
    TASK_OVERDUE: { description: 'A task about a person (or their deal) passed its due time undone.' },
    DATE_FIELD: { description: 'A date custom field of people: every year on its day (birthday), or on the date (renewal), at a local hour.' },
  },
});
registerEnumType(AutomationStepKind, { name: 'AutomationStepKind', description: 'WAIT, SEND_EMAIL, SEND_SMS, or CONDITION (go on only if the person matches; otherwise the run stops).' });
registerEnumType(DateTriggerMode, { name: 'DateTriggerMode', description: 'ANNIVERSARY: every year on the day and month. ON_DATE: once, on the date.' });
registerEnumType(AutomationRunStatus, { name: 'AutomationRunStatus', description: 'ACTIVE (a step is due), DONE, STOPPED (a condition was not met), EXCLUDED (in the segment before the automation was switched on).' });

@ObjectType('AutomationTrigger', { description: 'What starts a run, with the settings of its kind.' })
export class AutomationTriggerNode {
  @Field(() => AutomationTriggerKind)
  kind!: AutomationTriggerKind;

  @Field(() => ID, { nullable: true, description: 'SEGMENT_ENTERED: the segment (null once it was deleted: the trigger then never fires).' })
  segmentId!: string | null;

  @Field({ description: 'SEGMENT_ENTERED: the people already in the segment when it is first switched on go through it too.' })
  includeExisting!: boolean;

  @Field(() => ID, { nullable: true, description: 'DEAL_STAGE_REACHED: the stage.' })
  stageId!: string | null;

  @Field(() => ID, { nullable: true, description: 'DEAL_STAGE_REACHED: the stage’s pipeline; DEAL_WON: only deals of this pipeline (null: any).' })
  pipelineId!: string | null;

  @Field(() => String, { nullable: true, description: 'DATE_FIELD: the key of a DATE custom field of people.' })
  customFieldKey!: string | null;

  @Field(() => DateTriggerMode, { nullable: true })
  dateMode!: DateTriggerMode | null;

  @Field(() => Int, { nullable: true, description: 'DATE_FIELD: the hour (0–23, the company’s time zone) from which it fires on the day.' })
  hour!: number | null;
}

@ObjectType('AutomationStep', { description: 'One step; runs go through them in order.' })
export class AutomationStepNode {
  @Field(() => ID)
  id!: string;

  uuid!: string;

  @Field(() => Int)
  position!: number;

  @Field(() => AutomationStepKind)
  kind!: AutomationStepKind;

  @Field(() => Int, { nullable: true, description: 'WAIT: days.' })
  days!: number | null;

  @Field(() => Int, { nullable: true, description: 'WAIT: hours.' })
  hours!: number | null;

  @Field(() => ID, { nullable: true, description: 'SEND_EMAIL, SEND_SMS: the template.' })
  templateId!: string | null;

  @Field(() => ID, { nullable: true, description: 'CONDITION: the segment the person must be in (null once deleted: the condition then fails).' })
  segmentId!: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'CONDITION: the ContactFilter the person must match.' })
  contactFilter!: Record<string, unknown> | null;
}

@ObjectType('Automation', { description: 'Messages that go out on their own when something happens to a person: a trigger, then steps.' })
export class AutomationNode {
  @Field(() => ID)
  id!: string;

  uuid!: string;

  @Field()
  name!: string;

  @Field(() => AutomationStatus)
  status!: AutomationStatus;

  @Field(() => AutomationTriggerNode)
  trigger!: AutomationTriggerNode;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was last switched on.' })
  activatedAt!: Date | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

export const AutomationConnection = Connection(AutomationNode, 'Automation');

@ObjectType('AutomationRun', { description: 'One person going through the automation for one occurrence of its trigger.' })
export class AutomationRunNode {
  @Field(() => ID)
  id!: string;

  uuid!: string;

  contactUuid!: string;

  @Field(() => AutomationRunStatus)
  status!: AutomationRunStatus;

  @Field(() => String, { description: 'The occurrence: "created", "segment", "deal:…:won", "task:…", "date:2026-05-01".' })
  occurrence!: string;

  @Field(() => Int, { description: 'Position of the next step (the number of steps when done).' })
  stepPosition!: number;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When its next step is due (ACTIVE only).' })
  nextRunAt!: Date | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  finishedAt!: Date | null;
}

export const AutomationRunConnection = Connection(AutomationRunNode, 'AutomationRun');

@ObjectType('AutomationMessageStats', { description: 'Messages the send steps made, by state, and what people did with them.' })
export class AutomationMessageStatsNode {
  @Field(() => Int)
  queued!: number;

  @Field(() => Int)
  sending!: number;

  @Field(() => Int, { description: 'Taken by the provider (delivered, bounced and failed not included).' })
  sent!: number;

  @Field(() => Int)
  delivered!: number;

  @Field(() => Int)
  bounced!: number;

  @Field(() => Int)
  failed!: number;

  @Field(() => Int)
  opened!: number;

  @Field(() => Int)
  clicked!: number;

  @Field(() => Int)
  unsubscribed!: number;
}

@ObjectType('AutomationStepStats', { description: 'How runs went through one step.' })
export class AutomationStepStatsNode {
  @Field(() => Int)
  position!: number;

  @Field(() => AutomationStepKind)
  kind!: AutomationStepKind;

  @Field(() => Int, { description: 'Runs that passed it (waited, had their message queued, met the condition).' })
  passed!: number;

  @Field(() => Int, { description: 'Send steps: runs whose person could not be reached (no consent, no address, suppressed); the run went on.' })
  skipped!: number;

  @Field(() => Int, { description: 'Conditions: runs that stopped here.' })
  stopped!: number;
}

@ObjectType('AutomationStats', { description: 'Runs by state, messages by state, and each step.' })
export class AutomationStatsNode {
  @Field(() => Int, { description: 'Runs started (people excluded at activation not counted).' })
  runs!: number;

  @Field(() => Int)
  active!: number;

  @Field(() => Int)
  done!: number;

  @Field(() => Int)
  stopped!: number;

  @Field(() => AutomationMessageStatsNode)
  messages!: AutomationMessageStatsNode;

  @Field(() => [AutomationStepStatsNode])
  steps!: AutomationStepStatsNode[];
}

@InputType({ description: 'Give the fields of the kind: segmentId (SEGMENT_ENTERED), stageId (DEAL_STAGE_REACHED), pipelineId (DEAL_WON, optional), customFieldKey (DATE_FIELD).' })
export class AutomationTriggerInput {
  @Field(() => AutomationTriggerKind)
  kind!: AutomationTriggerKind;

  @Field(() => ID, { nullable: true })
  segmentId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'SEGMENT_ENTERED: default false.' })
  includeExisting?: boolean | null;

  @Field(() => ID, { nullable: true })
  stageId?: string | null;

  @Field(() => ID, { nullable: true })
  pipelineId?: string | null;

  @Field(() => String, { nullable: true })
  customFieldKey?: string | null;

  @Field(() => DateTriggerMode, { nullable: true, description: 'DATE_FIELD: default ANNIVERSARY.' })
  dateMode?: DateTriggerMode | null;

  @Field(() => Int, { nullable: true, description: 'DATE_FIELD: 0–23, default 9.' })
  hour?: number | null;
}

@InputType({ description: 'WAIT: days (0–365) and hours (0–23), not both 0. SEND_*: templateId of that channel. CONDITION: segmentId or contactFilter.' })
export class AutomationStepInput {
  @Field(() => AutomationStepKind)
  kind!: AutomationStepKind;

  @Field(() => Int, { nullable: true })
  days?: number | null;

  @Field(() => Int, { nullable: true })
  hours?: number | null;

  @Field(() => ID, { nullable: true })
  templateId?: string | null;

  @Field(() => ID, { nullable: true })
  segmentId?: string | null;

  @Field(() => ContactFilter, { nullable: true })
  contactFilter?: ContactFilter | null;
}

@InputType()
export class CreateAutomationInput {
  @Field()
  name!: string;

  @Field(() => AutomationTriggerInput)
  trigger!: AutomationTriggerInput;

  @Field(() => [AutomationStepInput])
  steps!: AutomationStepInput[];
}

@InputType({ description: 'Omitted fields stay. The trigger changes only while not ACTIVE; the steps only while nobody has gone through them.' })
export class UpdateAutomationInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => AutomationTriggerInput, { nullable: true })
  trigger?: AutomationTriggerInput | null;

  @Field(() => [AutomationStepInput], { nullable: true })
  steps?: AutomationStepInput[] | null;
}

@InputType()
export class AutomationIdInput {
  @Field(() => ID)
  id!: string;
}

@InputType()
export class AutomationFilter {
  @Field(() => [AutomationStatus], { nullable: true })
  statuses?: AutomationStatus[] | null;

  @Field(() => [AutomationTriggerKind], { nullable: true })
  triggerKinds?: AutomationTriggerKind[] | null;
}

@ArgsType()
export class AutomationsArgs {
  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => AutomationFilter, { nullable: true })
  filter?: AutomationFilter | null;
}

@InputType()
export class AutomationRunFilter {
  @Field(() => [AutomationRunStatus], { nullable: true })
  statuses?: AutomationRunStatus[] | null;
}

@ArgsType()
export class AutomationRunsArgs {
  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => AutomationRunFilter, { nullable: true })
  filter?: AutomationRunFilter | null;
}
