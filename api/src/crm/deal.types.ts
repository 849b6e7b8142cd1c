import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DealStatus } from '../../../schema/crm/deal.entity.js';
import { DealStageChangeKind } from '../../../schema/crm/deal-stage-change.entity.js';
import { Connection, OrderDirection } from '../graphql/pagination.js';
import { CurrencyScalar, DateTimeScalar, DecimalScalar, LocalDateScalar, Money, MoneyInput } from '../graphql/scalars.js';
import { UserNode } from '../platform/users/user.types.js';
import { PipelineNode, PipelineStageNode } from './pipeline.types.js';
import type { Decimal } from 'decimal.js';
import { AttributionInput, AttributionNode } from './attribution.types.js';
import type { CustomValues } from './custom-field.service.js';
import { CustomFieldFilter, CustomFieldValueInput } from './custom-field.types.js';
import { MarketingEventRefNode } from './marketing-event.types.js';

registerEnumType(DealStatus, { name: 'DealStatus', description: 'OPEN on the board; WON or LOST once closed.' });

registerEnumType(DealStageChangeKind, { name: 'DealStageChangeKind' });

@ObjectType('DealSource', { description: 'Where the deal came from: the customer’s attribution when it was created, unless given.' })
export class DealSourceNode extends AttributionNode {
  @Field(() => MarketingEventRefNode, { nullable: true, description: 'The marketing event that brought the deal.' })
  event!: MarketingEventRefNode | null;
}

@ObjectType('DealChecklistItem', { description: 'An item of the checklist of the deal’s stage, and whether it is done on this deal.' })
export class DealChecklistItemNode {
  @Field(() => ID, { description: 'The StageChecklistItem id.' })
  id!: string;

  @Field()
  title!: string;

  @Field()
  done!: boolean;

  @Field(() => UserNode, { nullable: true, description: 'Who did it (while a member).' })
  doneBy!: UserNode | null;

  @Field(() => DateTimeScalar, { nullable: true })
  doneAt!: Date | null;
}

@ObjectType('DealStageChange', { description: 'One step of a deal’s history: created, moved, won, lost or reopened.' })
export class DealStageChangeNode {
  @Field(() => ID)
  id!: string;

  @Field(() => DealStageChangeKind)
  kind!: DealStageChangeKind;

  @Field(() => ID, { nullable: true, description: 'Null when the deal was created, or once the stage is deleted.' })
  fromStageId!: string | null;

  @Field(() => String, { nullable: true, description: 'The stage’s name at the time.' })
  fromStageName!: string | null;

  @Field(() => ID, { nullable: true, description: 'Null once the stage is deleted.' })
  toStageId!: string | null;

  @Field({ description: 'The stage’s name at the time.' })
  toStageName!: string;

  @Field(() => DealStatus)
  statusAfter!: DealStatus;

  @Field(() => String, { nullable: true, description: 'Why it was won or lost.' })
  reason!: string | null;

  @Field(() => UserNode, { nullable: true, description: 'Who changed it (while a member); null for an API key.' })
  changedBy!: UserNode | null;

  @Field(() => DateTimeScalar)
  changedAt!: Date;

  @Field(() => Int, { nullable: true, description: 'Checklist items of the stage the deal left (or was closed or reopened in) that were done at that moment; null on creation.' })
  checklistDone!: number | null;

  @Field(() => Int, { nullable: true, description: 'How many checklist items that stage had.' })
  checklistTotal!: number | null;
}

@ObjectType('Deal', { description: 'A sale in progress with a customer, in one stage of a pipeline.' })
export class DealNode {
  @Field(() => ID)
  id!: string;

  /** Database ids, for loaders and nested fields; not exposed. */
  uuid!: string;

  /** Raw custom values by key, shaped by the `customFields` field resolver; not exposed. */
  customValues!: CustomValues;
  customerUuid!: string;
  contactUuid!: string | null;

  @Field()
  title!: string;

  @Field(() => PipelineNode)
  pipeline!: PipelineNode;

  @Field(() => PipelineStageNode)
  stage!: PipelineStageNode;

  @Field(() => Int, { nullable: true, description: 'Index in its stage’s board column, from 0; null once won or lost.' })
  position!: number | null;

  @Field(() => Money, { nullable: true })
  amount!: Money | null;

  @Field(() => LocalDateScalar, { nullable: true })
  expectedCloseDate!: string | null;

  @Field(() => UserNode, { nullable: true, description: 'The member responsible; null when nobody (or a former member) is.' })
  owner!: UserNode | null;

  @Field(() => DealSourceNode)
  source!: DealSourceNode;

  @Field(() => DealStatus)
  status!: DealStatus;

  @Field(() => String, { nullable: true, description: 'Why it was won or lost.' })
  closeReason!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  closedAt!: Date | null;

  @Field(() => Int, { description: 'Chance (0–100) it is won: its own, else its stage’s; 100 once won, 0 once lost.' })
  probability!: number;

  @Field({ description: 'Whether the probability is the deal’s own rather than its stage’s.' })
  probabilityOverridden!: boolean;

  @Field(() => DateTimeScalar)
  stageEnteredAt!: Date;

  @Field(() => DateTimeScalar, { description: 'Its last stage change, interaction, checklist item done or edit.' })
  lastActivityAt!: Date;

  @Field({ description: 'Open, and longer without activity (or a stage change) than its stage allows.' })
  rotting!: boolean;

  @Field(() => Int, { description: 'Whole days since its last activity or stage change.' })
  daysWithoutActivity!: number;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

export const DealConnection = Connection(DealNode, 'Deal');

export enum DealOrderField {
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
  EXPECTED_CLOSE_DATE = 'EXPECTED_CLOSE_DATE',
  AMOUNT = 'AMOUNT',
  TITLE = 'TITLE',
  /** By the custom field named in `customFieldKey`. */
  CUSTOM_FIELD = 'CUSTOM_FIELD',
}
registerEnumType(DealOrderField, { name: 'DealOrderField', description: 'EXPECTED_CLOSE_DATE and AMOUNT put deals without one last.' });

@InputType()
export class DealOrder {
  @Field(() => DealOrderField, { defaultValue: DealOrderField.CREATED_AT })
  field!: DealOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.DESC })
  direction!: OrderDirection;

  @Field(() => String, { nullable: true, description: 'With CUSTOM_FIELD: the key of the field.' })
  customFieldKey?: string | null;
}

@InputType({ description: 'Every given condition must hold.' })
export class DealFilter {
  @Field(() => [CustomFieldFilter], { nullable: true, description: 'Conditions on custom fields, all of which must hold.' })
  customFields?: CustomFieldFilter[];

  @Field(() => ID, { nullable: true })
  pipelineId?: string;

  @Field(() => [ID], { nullable: true, description: 'In any of these stages.' })
  stageIds?: string[];

  @Field(() => [DealStatus], { nullable: true, description: 'Default: every status.' })
  statuses?: DealStatus[];

  @Field(() => ID, { nullable: true, description: 'Only deals this member is responsible for.' })
  ownerId?: string;

  @Field(() => ID, { nullable: true })
  customerId?: string;

  @Field({ nullable: true, description: 'true: only rotting deals; false: only deals that are not.' })
  rotting?: boolean;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Expected to close on or after this day.' })
  expectedCloseFrom?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Expected to close on or before this day.' })
  expectedCloseTo?: string;

  @Field(() => CurrencyScalar, { nullable: true, description: 'Only amounts in this currency.' })
  currency?: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Amount at least this (in any currency, unless `currency` is given).' })
  amountMin?: Decimal;

  @Field(() => DecimalScalar, { nullable: true, description: 'Amount at most this.' })
  amountMax?: Decimal;

  @Field({ nullable: true, description: 'Matches the title (case-insensitive, anywhere in it).' })
  search?: string;
}

@InputType()
export class DealSourceInput extends AttributionInput {
  @Field(() => ID, { nullable: true, description: 'The marketing event that brought the deal. On create without a source: the latest event of the past year the person (or else the customer\'s people) came to.' })
  eventId?: string | null;
}

@InputType()
export class CreateDealInput {
  @Field()
  title!: string;

  @Field(() => ID)
  customerId!: string;

  @Field(() => ID, { nullable: true, description: 'A person of the customer.' })
  contactId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Default: the stage’s pipeline, or the first pipeline.' })
  pipelineId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Default: the pipeline’s first stage. The deal goes to the end of its column.' })
  stageId?: string | null;

  @Field(() => MoneyInput, { nullable: true, description: 'Not negative; as many decimals as the currency has at most.' })
  amount?: MoneyInput | null;

  @Field(() => LocalDateScalar, { nullable: true })
  expectedCloseDate?: string | null;

  @Field(() => ID, { nullable: true, description: 'Who is responsible; the creating member when omitted, nobody when null.' })
  ownerId?: string | null;

  @Field(() => DealSourceInput, { nullable: true, description: 'Default: the customer’s attribution; null: none.' })
  source?: DealSourceInput | null;

  @Field(() => Int, { nullable: true, description: '0 to 100; default: the stage’s.' })
  probability?: number | null;

  @Field(() => [CustomFieldValueInput], { nullable: true, description: 'Sets the given custom fields; the others stay.' })
  customFields?: CustomFieldValueInput[] | null;
}

@InputType({ description: 'Omitted fields stay as they are; null clears an optional field. `source` replaces the whole part. Stages change with moveDeal.' })
export class UpdateDealInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => ID, { nullable: true })
  customerId?: string | null;

  @Field(() => ID, { nullable: true })
  contactId?: string | null;

  @Field(() => MoneyInput, { nullable: true })
  amount?: MoneyInput | null;

  @Field(() => LocalDateScalar, { nullable: true })
  expectedCloseDate?: string | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => DealSourceInput, { nullable: true })
  source?: DealSourceInput | null;

  @Field(() => Int, { nullable: true, description: 'null: follow the stage again.' })
  probability?: number | null;

  @Field(() => [CustomFieldValueInput], { nullable: true, description: 'Sets the given custom fields; the others stay.' })
  customFields?: CustomFieldValueInput[] | null;
}

@InputType()
export class MoveDealInput {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'Any stage of any pipeline: the deal follows it into its pipeline.' })
  stageId!: string;

  @Field(() => Int, { nullable: true, description: 'Index in the stage’s board column, from 0; omitted or beyond the end: last.' })
  position?: number | null;
}

@InputType()
export class CloseDealInput {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'true: won; false: lost.' })
  won!: boolean;

  @Field(() => String, { nullable: true, description: 'Why; required when lost.' })
  reason?: string | null;
}

@InputType()
export class ReopenDealInput {
  @Field(() => ID)
  id!: string;
}

@InputType()
export class DeleteDealInput {
  @Field(() => ID)
  id!: string;
}

@InputType()
export class SetDealChecklistItemInput {
  @Field(() => ID)
  dealId!: string;

  @Field(() => ID, { description: 'An item of the checklist of the deal’s current stage.' })
  itemId!: string;

  @Field()
  done!: boolean;
}
