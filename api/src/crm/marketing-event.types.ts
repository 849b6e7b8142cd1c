import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MarketingEventKind } from '../../../schema/crm/marketing-event.entity.js';
import { Connection } from '../graphql/pagination.js';
import { DateTimeScalar, LocalDateScalar, Money, MoneyInput } from '../graphql/scalars.js';
import { ContactNode } from './contact.types.js';

registerEnumType(MarketingEventKind, { name: 'MarketingEventKind' });

@ObjectType('MarketingEvent', { description: 'An exhibition, conference, seminar or webinar, with what it cost.' })
export class MarketingEventNode {
  @Field(() => ID)
  id!: string;

  /** Database id; not exposed. */
  uuid!: string;

  @Field()
  name!: string;

  @Field(() => MarketingEventKind)
  kind!: MarketingEventKind;

  @Field(() => LocalDateScalar)
  startsOn!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  endsOn!: string | null;

  @Field(() => String, { nullable: true })
  location!: string | null;

  @Field(() => Money, { nullable: true })
  cost!: Money | null;

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field(() => Int, { description: 'People registered.' })
  registered!: number;

  @Field(() => Int, { description: 'People who came.' })
  attended!: number;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

export const MarketingEventConnection = Connection(MarketingEventNode, 'MarketingEvent');

@ObjectType('MarketingEventRef')
export class MarketingEventRefNode {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => LocalDateScalar)
  startsOn!: string;
}

@ObjectType('EventAttendance', { description: 'A person at an event.' })
export class EventAttendanceNode {
  @Field(() => MarketingEventRefNode)
  event!: MarketingEventRefNode;

  /** Database id of the person; resolved by a loader. Not exposed. */
  contactUuid!: string;

  @Field(() => ContactNode)
  contact!: ContactNode;

  @Field({ description: 'false: registered, did not come.' })
  attended!: boolean;
}

export const EventAttendanceConnection = Connection(EventAttendanceNode, 'EventAttendance');

@InputType({ description: 'Events by start date, newest first; every given condition must hold.' })
export class MarketingEventFilter {
  @Field({ nullable: true, description: 'Matches the name or the location.' })
  search?: string;

  @Field(() => [MarketingEventKind], { nullable: true })
  kinds?: MarketingEventKind[];

  @Field(() => LocalDateScalar, { nullable: true, description: 'Starting on or after this day.' })
  from?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Starting on or before this day.' })
  to?: string;
}

@InputType()
export class CreateMarketingEventInput {
  @Field()
  name!: string;

  @Field(() => MarketingEventKind)
  kind!: MarketingEventKind;

  @Field(() => LocalDateScalar)
  startsOn!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  endsOn?: string | null;

  @Field(() => String, { nullable: true })
  location?: string | null;

  @Field(() => MoneyInput, { nullable: true, description: 'What it cost (stand, travel, fees); the company\'s currency when none is given.' })
  cost?: MoneyInput | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}

@InputType({ description: 'Omitted fields stay as they are; null clears an optional field.' })
export class UpdateMarketingEventInput {
  @Field(() => ID)
  id!: string;

  @Field({ nullable: true })
  name?: string;

  @Field(() => MarketingEventKind, { nullable: true })
  kind?: MarketingEventKind;

  @Field(() => LocalDateScalar, { nullable: true })
  startsOn?: string;

  @Field(() => LocalDateScalar, { nullable: true })
  endsOn?: string | null;

  @Field(() => String, { nullable: true })
  location?: string | null;

  @Field(() => MoneyInput, { nullable: true })
  cost?: MoneyInput | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}

@InputType()
export class DeleteMarketingEventInput {
  @Field(() => ID)
  id!: string;
}

@InputType({ description: 'Registers people at an event (again: updates whether they came).' })
export class AddEventAttendeesInput {
  @Field(() => ID)
  eventId!: string;

  @Field(() => [ID], { description: '1 to 500 people.' })
  contactIds!: string[];

  @Field({ defaultValue: true, description: 'false: registered, did not (or not yet) come.' })
  attended!: boolean;
}

@InputType()
export class RemoveEventAttendeeInput {
  @Field(() => ID)
  eventId!: string;

  @Field(() => ID)
  contactId!: string;
}
