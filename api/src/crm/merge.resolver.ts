import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { InModule } from '../graphql/guards.js';
import type { RequestContext } from '../platform/context/request-context.js';
import { ContactNode } from './contact.types.js';
import { CustomerNode } from './customer.types.js';
import { contactDuplicates, customerDuplicates, mergeContacts, mergeCustomers } from './merge.service.js';
import { ContactDuplicateGroupNode, CustomerDuplicateGroupNode, MergeContactsInput, MergeCustomersInput } from './merge.types.js';

@Resolver()
@InModule('CRM')
export class MergeResolver {
  @Authorized('CRM:read')
  @Query(() => [ContactDuplicateGroupNode], { description: 'Likely duplicate people (at most 100 groups), by shared value.' })
  contactDuplicates(@Ctx() ctx: RequestContext): Promise<ContactDuplicateGroupNode[]> {
    return contactDuplicates(ctx);
  }

  @Authorized('CRM:read')
  @Query(() => [CustomerDuplicateGroupNode], { description: 'Likely duplicate customers (at most 100 groups), by shared value.' })
  customerDuplicates(@Ctx() ctx: RequestContext): Promise<CustomerDuplicateGroupNode[]> {
    return customerDuplicates(ctx);
  }

  @Authorized('CRM:write')
  @Mutation(() => ContactNode, { description: 'Merges people into the target: its values win, the others fill its gaps, every address, tag and piece of history moves to it.' })
  mergeContacts(@Ctx() ctx: RequestContext, @Arg('input') input: MergeContactsInput): Promise<ContactNode> {
    return mergeContacts(ctx, input);
  }

  @Authorized('CRM:write')
  @Mutation(() => CustomerNode, { description: 'Merges customers into the target: people, legal entities, deals and history move to it.' })
  mergeCustomers(@Ctx() ctx: RequestContext, @Arg('input') input: MergeCustomersInput): Promise<CustomerNode> {
    return mergeCustomers(ctx, input);
  }
}
