import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { InFeature, InModule } from '../graphql/guards.js';
import type { RequestContext } from '../platform/context/request-context.js';
import { counterpartiesLoader, createCounterparty, deleteCounterparty, updateCounterparty } from './counterparty.service.js';
import { CounterpartyNode, CreateCounterpartyInput, DeleteCounterpartyInput, UpdateCounterpartyInput } from './counterparty.types.js';
import { CustomerNode } from './customer.types.js';

@Resolver(() => CustomerNode)
@InModule('CRM')
@InFeature('CRM.counterparties')
export class CounterpartyResolver {
  @Authorized('CRM:read')
  @FieldResolver(() => [CounterpartyNode], { description: 'Legal entities the customer buys or bought through: current ones first, then the newest.' })
  counterparties(@Ctx() ctx: RequestContext, @Root() customer: CustomerNode): Promise<CounterpartyNode[]> {
    return counterpartiesLoader(ctx).load(customer.uuid);
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
