import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { InModule } from '../graphql/guards.js';
import type { RequestContext } from '../platform/context/request-context.js';
import { contactPointsLoader } from './contact-point.service.js';
import { consentHistory, createContact, deleteContact, getContact, listContacts, setContactConsent, toContactNode, updateContact } from './contact.service.js';
import { customerLoader } from './customer.service.js';
import { CustomerNode } from './customer.types.js';
import { memberLoader } from '../platform/users/member-ref.js';
import { UserNode } from '../platform/users/user.types.js';
import { positionLoader } from './position.service.js';
import { PositionNode } from './position.types.js';
import {
  ConsentEventNode,
  ContactConnection,
  ContactEmailNode,
  ContactPhoneNode,
  SetContactConsentInput,
  ContactFilter,
  ContactNode,
  ContactOrder,
  CreateContactInput,
  DeleteContactInput,
  UpdateContactInput,
} from './contact.types.js';
import type { ConnectionResult } from '../graphql/pagination.js';

@ArgsType()
export class ContactsArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 200 (default 50).' })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;

  @Field(() => ContactFilter, { nullable: true })
  filter?: ContactFilter;

  @Field(() => ContactOrder, { nullable: true })
  orderBy?: ContactOrder;
}

@Resolver(() => ContactNode)
@InModule('CRM')
export class ContactResolver {
  @Authorized('CRM:read')
  @Query(() => ContactNode, { description: 'One person; NOT_FOUND when it does not exist in this company.' })
  async contact(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<ContactNode> {
    return toContactNode(await getContact(ctx, id));
  }

  @Authorized('CRM:read')
  @Query(() => ContactConnection)
  contacts(@Ctx() ctx: RequestContext, @Args() args: ContactsArgs): Promise<ConnectionResult<ContactNode>> {
    return listContacts(ctx, args);
  }

  @Authorized('CRM:write')
  @Mutation(() => ContactNode)
  createContact(@Ctx() ctx: RequestContext, @Arg('input') input: CreateContactInput): Promise<ContactNode> {
    return createContact(ctx, input);
  }

  @Authorized('CRM:write')
  @Mutation(() => ContactNode)
  updateContact(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateContactInput): Promise<ContactNode> {
    return updateContact(ctx, input);
  }

  @Authorized('CRM:write')
  @Mutation(() => ID, { description: 'Deletes a person; returns its id.' })
  deleteContact(@Ctx() ctx: RequestContext, @Arg('input') input: DeleteContactInput): Promise<string> {
    return deleteContact(ctx, input.id);
  }

  @Authorized('CRM:write')
  @Mutation(() => ContactNode, { description: 'Records a consent change with its source; the history keeps every change.' })
  setContactConsent(@Ctx() ctx: RequestContext, @Arg('input') input: SetContactConsentInput): Promise<ContactNode> {
    return setContactConsent(ctx, input);
  }

  @Authorized('CRM:read')
  @FieldResolver(() => CustomerNode, { nullable: true, description: 'The customer the person belongs to (their employer, or themselves as a private customer).' })
  customer(@Ctx() ctx: RequestContext, @Root() contact: ContactNode): Promise<CustomerNode | null> | null {
    return contact.customerUuid ? customerLoader(ctx).load(contact.customerUuid) : null;
  }

  @Authorized('CRM:read')
  @FieldResolver(() => UserNode, { nullable: true, description: 'The member responsible; null when nobody (or a former member) is.' })
  owner(@Ctx() ctx: RequestContext, @Root() contact: ContactNode): Promise<UserNode | null> | null {
    return contact.ownerUuid ? memberLoader(ctx).load(contact.ownerUuid) : null;
  }

  @Authorized('CRM:read')
  @FieldResolver(() => PositionNode, { nullable: true })
  position(@Ctx() ctx: RequestContext, @Root() contact: ContactNode): Promise<PositionNode | null> | null {
    return contact.positionUuid ? positionLoader(ctx).load(contact.positionUuid) : null;
  }

  @Authorized('CRM:read')
  @FieldResolver(() => [ContactEmailNode], { description: 'Every email address, the main one first.' })
  async emails(@Ctx() ctx: RequestContext, @Root() contact: ContactNode): Promise<ContactEmailNode[]> {
    return (await contactPointsLoader(ctx).load(contact.uuid)).emails;
  }

  @Authorized('CRM:read')
  @FieldResolver(() => [ContactPhoneNode], { description: 'Every phone number, the main one first.' })
  async phones(@Ctx() ctx: RequestContext, @Root() contact: ContactNode): Promise<ContactPhoneNode[]> {
    return (await contactPointsLoader(ctx).load(contact.uuid)).phones;
  }

  @Authorized('CRM:read')
  @FieldResolver(() => [ConsentEventNode], { description: 'Consent changes, newest first.' })
  consentHistory(@Ctx() ctx: RequestContext, @Root() contact: ContactNode): Promise<ConsentEventNode[]> {
    return consentHistory(ctx, contact.uuid);
  }
}
