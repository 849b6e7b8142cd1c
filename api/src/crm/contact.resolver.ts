import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { InFeature, InModule } from '../graphql/guards.js';
import type { RequestContext } from '../platform/context/request-context.js';
import { companyLoader } from './company.service.js';
import { CompanyNode } from './company.types.js';
import { createContact, deleteContact, getContact, listContacts, toContactNode, updateContact } from './contact.service.js';
import {
  ContactConnection,
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

  @Authorized('CRM:read')
  @InFeature('CRM.companies')
  @FieldResolver(() => CompanyNode, { nullable: true, description: 'Where the person works.' })
  company(@Ctx() ctx: RequestContext, @Root() contact: ContactNode): Promise<CompanyNode | null> | CompanyNode | null {
    if (contact.company !== undefined) return contact.company;
    return contact.companyUuid ? companyLoader(ctx).load(contact.companyUuid) : null;
  }
}
