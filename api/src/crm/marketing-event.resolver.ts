import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { NotFoundError } from '../graphql/errors.js';
import { InModule } from '../graphql/guards.js';
import type { ConnectionResult } from '../graphql/pagination.js';
import type { RequestContext } from '../platform/context/request-context.js';
import { contactLoader } from './contact.service.js';
import { ContactNode } from './contact.types.js';
import { CustomerNode } from './customer.types.js';
import {
  addEventAttendees,
  attendancesLoader,
  createMarketingEvent,
  deleteMarketingEvent,
  eventAttendees,
  getMarketingEvent,
  listMarketingEvents,
  removeEventAttendee,
  updateMarketingEvent,
} from './marketing-event.service.js';
import {
  AddEventAttendeesInput,
  CreateMarketingEventInput,
  DeleteMarketingEventInput,
  EventAttendanceConnection,
  EventAttendanceNode,
  MarketingEventConnection,
  MarketingEventFilter,
  MarketingEventNode,
  RemoveEventAttendeeInput,
  UpdateMarketingEventInput,
} from './marketing-event.types.js';

@ArgsType()
class MarketingEventsArgs {
  @Field(() => Int, { nullable: true })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;

  @Field(() => MarketingEventFilter, { nullable: true })
  filter?: MarketingEventFilter;
}

@ArgsType()
class AttendeesArgs {
  @Field(() => Int, { nullable: true })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;
}

type AttendanceRow = Omit<EventAttendanceNode, 'contact'>;

@Resolver(() => MarketingEventNode)
@InModule('CRM')
export class MarketingEventResolver {
  @Authorized('CRM:read')
  @Query(() => MarketingEventConnection, { description: 'Marketing events, newest first.' })
  marketingEvents(@Ctx() ctx: RequestContext, @Args() args: MarketingEventsArgs): Promise<ConnectionResult<MarketingEventNode>> {
    return listMarketingEvents(ctx, args);
  }

  @Authorized('CRM:read')
  @Query(() => MarketingEventNode)
  marketingEvent(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<MarketingEventNode> {
    return getMarketingEvent(ctx, id);
  }

  @Authorized('CRM:write')
  @Mutation(() => MarketingEventNode)
  createMarketingEvent(@Ctx() ctx: RequestContext, @Arg('input') input: CreateMarketingEventInput): Promise<MarketingEventNode> {
    return createMarketingEvent(ctx, input);
  }

  @Authorized('CRM:write')
  @Mutation(() => MarketingEventNode)
  updateMarketingEvent(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateMarketingEventInput): Promise<MarketingEventNode> {
    return updateMarketingEvent(ctx, input);
  }

  @Authorized('CRM:write')
  @Mutation(() => ID, { description: 'Deletes the event and its attendance; deals it brought keep everything but the reference.' })
  deleteMarketingEvent(@Ctx() ctx: RequestContext, @Arg('input') input: DeleteMarketingEventInput): Promise<string> {
    return deleteMarketingEvent(ctx, input.id);
  }

  @Authorized('CRM:write')
  @Mutation(() => MarketingEventNode, { description: 'Registers people at the event (again: updates whether they came).' })
  addEventAttendees(@Ctx() ctx: RequestContext, @Arg('input') input: AddEventAttendeesInput): Promise<MarketingEventNode> {
    return addEventAttendees(ctx, input);
  }

  @Authorized('CRM:write')
  @Mutation(() => MarketingEventNode)
  removeEventAttendee(@Ctx() ctx: RequestContext, @Arg('input') input: RemoveEventAttendeeInput): Promise<MarketingEventNode> {
    return removeEventAttendee(ctx, input.eventId, input.contactId);
  }

  @Authorized('CRM:read')
  @FieldResolver(() => EventAttendanceConnection, { description: 'Its people, by name.' })
  attendees(@Ctx() ctx: RequestContext, @Root() event: MarketingEventNode, @Args() args: AttendeesArgs): Promise<ConnectionResult<AttendanceRow>> {
    return eventAttendees(ctx, event, args);
  }
}

@Resolver(() => EventAttendanceNode)
@InModule('CRM')
export class EventAttendanceResolver {
  @Authorized('CRM:read')
  @FieldResolver(() => ContactNode)
  async contact(@Ctx() ctx: RequestContext, @Root() attendance: AttendanceRow): Promise<ContactNode> {
    const contact = await contactLoader(ctx).load(attendance.contactUuid);
    if (!contact) throw new NotFoundError('Contact');
    return contact;
  }
}

/** The events a person or a customer's people came to: attribution, on their cards. */
@Resolver(() => ContactNode)
@InModule('CRM')
export class ContactEventsResolver {
  @Authorized('CRM:read')
  @FieldResolver(() => [EventAttendanceNode], { description: 'Events the person was registered at, newest first.' })
  events(@Ctx() ctx: RequestContext, @Root() contact: ContactNode): Promise<AttendanceRow[]> {
    return attendancesLoader(ctx, 'contact_id').load(contact.uuid);
  }
}

@Resolver(() => CustomerNode)
@InModule('CRM')
export class CustomerEventsResolver {
  @Authorized('CRM:read')
  @FieldResolver(() => [EventAttendanceNode], { description: 'Events its people were registered at (for this customer), newest first.' })
  events(@Ctx() ctx: RequestContext, @Root() customer: CustomerNode): Promise<AttendanceRow[]> {
    return attendancesLoader(ctx, 'customer_id').load(customer.uuid);
  }
}
