import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ConnectionResult } from '../graphql/pagination.js';
import { InFeature, InModule } from '../graphql/guards.js';
import type { RequestContext } from '../platform/context/request-context.js';
import { counterpartiesLoader, createCounterparty, deleteCounterparty, listCounterparties, updateCounterparty } from './counterparty.service.js';
import { CounterpartyConnection, CounterpartyFilter, CounterpartyNode, CreateCounterpartyInput, DeleteCounterpartyInput, UpdateCounterpartyInput } from './counterparty.types.js';
import { CustomerNode } from './customer.types.js';

@ArgsType()
export class CounterpartiesArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 200 (default 50).' })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;

  @Field(() => CounterpartyFilter, { nullable: true })
  filter?: CounterpartyFilter;
}

/** `Customer.counterparties`: switched off with the counterparties feature, like the rest. */
@Resolver(() => CustomerNode)
@InModule('CRM')
@InFeature('CRM.counterparties')
export class CustomerCounterpartiesResolver {
  @Authorized('CRM:read')
  @FieldResolver(() => [CounterpartyNode], { description: 'Legal entities the customer buys or bought through: current ones first, then the newest.' })
  counterparties(@Ctx() ctx: RequestContext, @Root() customer: CustomerNode): Promise<CounterpartyNode[]> {
    return counterpartiesLoader(ctx).load(customer.uuid);
  }
}

@Resolver(() => CounterpartyNode)
@InModule('CRM')
@InFeature('CRM.counterparties')
export class CounterpartyResolver {
  @Authorized('CRM:read')
  @Query(() => CounterpartyConnection, { description: 'Legal entities of all customers, by legal name: find a firm by its tax id.' })
  counterparties(@Ctx() ctx: RequestContext, @Args() args: CounterpartiesArgs): Promise<ConnectionResult<CounterpartyNode>> {
    return listCounterparties(ctx, args);
  }

  @Authorized('CRM:write')
  @Mutation(() => CounterpartyNode)
  createCounterparty(@Ctx() ctx: RequestContext, @Arg('input') input: CreateCounterpartyInput): Promise<CounterpartyNode> {
    return createCounterparty(ctx, input);
  }

  @Authorized('CRM:write')
  @Mutation(() => CounterpartyNode)
  updateCounterparty(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateCounterpartyInput): Promise<CounterpartyNode> {
    return updateCounterparty(ctx, input);
  }

  @Authorized('CRM:write')
  @Mutation(() => ID, { description: 'Deletes a counterparty entered by mistake; one the customer stopped using should get `validTo` instead.' })
  deleteCounterparty(@Ctx() ctx: RequestContext, @Arg('input') input: DeleteCounterpartyInput): Promise<string> {
    return deleteCounterparty(ctx, input.id);
  }
}
