import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CallOutcome, InteractionDirection, InteractionKind } from '../../../schema/crm/interaction.entity.js';
import { Connection } from '../graphql/pagination.js';
import { DateTimeScalar } from '../graphql/scalars.js';
import { UserNode } from '../platform/users/user.types.js';
import { DealStageChangeNode } from './deal.types.js';
import { TaskNode } from './task.types.js';

registerEnumType(InteractionKind, { name: 'InteractionKind' });
registerEnumType(InteractionDirection, { name: 'InteractionDirection', description: 'Calls, SMS and email: who reached out.' });
registerEnumType(CallOutcome, { name: 'CallOutcome' });

@ObjectType('Interaction', { description: 'A meeting, call, message or note with a person or customer.' })
export class InteractionNode {
  @Field(() => ID)
  id!: string;

  @Field(() => InteractionKind)
  kind!: InteractionKind;

  @Field(() => InteractionDirection, { nullable: true })
  direction!: InteractionDirection | null;

  @Field(() => DateTimeScalar)
  occurredAt!: Date;

  @Field(() => Int, { nullable: true, description: 'Calls and meetings: how long, in seconds.' })
  durationSeconds!: number | null;

  @Field(() => CallOutcome, { nullable: true })
  outcome!: CallOutcome | null;

  @Field(() => String, { nullable: true, description: 'A short line: an email’s subject, a meeting’s topic.' })
  subject!: string | null;

  @Field(() => String, { nullable: true })
  body!: string | null;

  @Field(() => ID, { nullable: true })
  contactId!: string | null;

  @Field(() => String, { nullable: true, description: 'The person’s name, to show without another query.' })
  contactName!: string | null;

  @Field(() => ID, { nullable: true })
  customerId!: string | null;

  @Field(() => String, { nullable: true })
  customerName!: string | null;

  @Field(() => ID, { nullable: true, description: 'The deal it was about.' })
  dealId!: string | null;

  @Field(() => String, { nullable: true })
  dealTitle!: string | null;

  @Field(() => UserNode, { nullable: true, description: 'Who logged it (while a member).' })
  loggedBy!: UserNode | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

export const InteractionConnection = Connection(InteractionNode, 'Interaction');

@InputType()
export class LogInteractionInput {
  @Field(() => InteractionKind)
  kind!: InteractionKind;

  @Field(() => InteractionDirection, { nullable: true, description: 'Required for calls, SMS and email.' })
  direction?: InteractionDirection | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Default: now. Not in the future.' })
  occurredAt?: Date | null;

  @Field(() => Int, { nullable: true })
  durationSeconds?: number | null;

  @Field(() => CallOutcome, { nullable: true, description: 'Calls only.' })
  outcome?: CallOutcome | null;

  @Field(() => String, { nullable: true })
  subject?: string | null;

  @Field(() => String, { nullable: true })
  body?: string | null;

  @Field(() => ID, { nullable: true, description: 'The person; their customer is filled in when customerId is omitted (null: no customer).' })
  contactId?: string | null;

  @Field(() => ID, { nullable: true })
  customerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The deal it was about (feature CRM.deals); its customer is filled in when customerId is omitted. Counts as activity on the deal.' })
  dealId?: string | null;
}

@InputType()
export class DeleteInteractionInput {
  @Field(() => ID)
  id!: string;
}

export enum TimelineSubjectType {
  CONTACT = 'CONTACT',
  CUSTOMER = 'CUSTOMER',
  DEAL = 'DEAL',
}
registerEnumType(TimelineSubjectType, { name: 'TimelineSubjectType' });

@InputType()
export class TimelineSubject {
  @Field(() => TimelineSubjectType)
  type!: TimelineSubjectType;

  @Field(() => ID)
  id!: string;
}

export enum TimelineEntryKind {
  INTERACTION = 'INTERACTION',
  TASK_CREATED = 'TASK_CREATED',
  TASK_COMPLETED = 'TASK_COMPLETED',
  STAGE_CHANGE = 'STAGE_CHANGE',
  /** Added by the marketing module while it is on (see timeline-sources.ts). */
  CAMPAIGN_EVENT = 'CAMPAIGN_EVENT',
  AUTOMATION_EVENT = 'AUTOMATION_EVENT',
}
registerEnumType(TimelineEntryKind, {
  name: 'TimelineEntryKind',
  valuesConfig: {
    CAMPAIGN_EVENT: { description: 'Something that happened to a campaign message sent to the person (Marketing module).' },
    AUTOMATION_EVENT: { description: 'Something that happened to an automation message sent to the person (Marketing module).' },
  },
});

@ObjectType('TimelineEntry', { description: 'One event in the history of a person, customer or deal; exactly one of its items is set.' })
export class TimelineEntryNode {
  @Field(() => TimelineEntryKind)
  kind!: TimelineEntryKind;

  @Field(() => DateTimeScalar)
  at!: Date;

  @Field(() => InteractionNode, { nullable: true })
  interaction!: InteractionNode | null;

  @Field(() => TaskNode, { nullable: true })
  task!: TaskNode | null;

  @Field(() => DealStageChangeNode, { nullable: true, description: 'A deal’s stage change, win, loss or reopening (deal timelines).' })
  stageChange!: DealStageChangeNode | null;

  /** Database id of the entry's item (not exposed): fields other modules add load their item by it. */
  refId!: string;

  /** Database id of the entry itself (not exposed): tells apart several entries of one item. */
  entryId!: string;
}

export const TimelineConnection = Connection(TimelineEntryNode, 'TimelineEntry');
