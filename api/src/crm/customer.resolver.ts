import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { toGlobalId } from '../graphql/global-id.js';
import { InModule } from '../graphql/guards.js';
import type { ConnectionResult } from '../graphql/pagination.js';
import type { RequestContext } from '../platform/context/request-context.js';
import { customerContactsLoader, listContacts } from './contact.service.js';
import { ContactConnection, type ContactNode } from './contact.types.js';
import { createCustomer, deleteCustomer, getCustomer, listCustomers, listTags, updateCustomer } from './customer.service.js';
import { CreateCustomerInput, CustomerConnection, CustomerFilter, CustomerNode, CustomerOrder, DeleteCustomerInput, UpdateCustomerInput } from './customer.types.js';

@ArgsType()
export class CustomersArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 200 (default 50).' })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;

  @Field(() => CustomerFilter, { nullable: true })
  filter?: CustomerFilter;

  @Field(() => CustomerOrder, { nullable: true })
  orderBy?: CustomerOrder;
}

@ArgsType()
export class CustomerContactsArgs {
  @Field(() => Int, { nullable: true })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;
}

@Resolver(() => CustomerNode)
@InModule('CRM')
export class CustomerResolver {
  @Authorized('CRM:read')
  @Query(() => CustomerNode, { description: 'One customer; NOT_FOUND when it does not exist in this company.' })
  customer(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<CustomerNode> {
    return getCustomer(ctx, id);
  }

  @Authorized('CRM:read')
  @Query(() => CustomerConnection)
  customers(@Ctx() ctx: RequestContext, @Args() args: CustomersArgs): Promise<ConnectionResult<CustomerNode>> {
    return listCustomers(ctx, args);
  }

  @Authorized('CRM:read')
  @Query(() => [String], { description: 'Tags in use on customers and people, the most used first (at most 500).' })
  crmTags(@Ctx() ctx: RequestContext): Promise<string[]> {
    return listTags(ctx);
  }

  @Authorized('CRM:write')
  @Mutation(() => CustomerNode)
  createCustomer(@Ctx() ctx: RequestContext, @Arg('input') input: CreateCustomerInput): Promise<CustomerNode> {
    return createCustomer(ctx, input);
  }

  @Authorized('CRM:write')
  @Mutation(() => CustomerNode)
  updateCustomer(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateCustomerInput): Promise<CustomerNode> {
    return updateCustomer(ctx, input);
  }

  @Authorized('CRM:write')
  @Mutation(() => ID, { description: 'Deletes a customer, its counterparties and its deals; its people stay, without a customer. Returns its id.' })
  deleteCustomer(@Ctx() ctx: RequestContext, @Arg('input') input: DeleteCustomerInput): Promise<string> {
    return deleteCustomer(ctx, input.id);
  }

  @Authorized('CRM:read')
  @FieldResolver(() => ContactConnection, { description: 'The customer\'s people.' })
  contacts(@Ctx() ctx: RequestContext, @Root() customer: CustomerNode, @Args() args: CustomerContactsArgs): Promise<ConnectionResult<ContactNode>> {
    if (!args.after) return customerContactsLoader(ctx, args.first).load(customer.uuid);
    return listContacts(ctx, { ...args, filter: { customerId: toGlobalId('Customer', customer.uuid) } });
  }
}
