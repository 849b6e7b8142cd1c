import { contactLoader } from './contact.service.js';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DealStatus } from '../../../schema/crm/deal.entity.js';
import { NotFoundError } from '../graphql/errors.js';
import { toGlobalId } from '../graphql/global-id.js';
import { InFeature, InModule } from '../graphql/guards.js';
import type { ConnectionResult } from '../graphql/pagination.js';
import type { RequestContext } from '../platform/context/request-context.js';
import { ContactNode } from './contact.types.js';
import { customerLoader } from './customer.service.js';
import { CustomerNode } from './customer.types.js';
import {
  closeDeal,
  createDeal,
  customerDealsLoader,
  dealChecklist,
  dealHistoryLoader,
  deleteDeal,
  getDeal,
  listDeals,
  moveDeal,
  reopenDeal,
  setDealChecklistItem,
  updateDeal,
} from './deal.service.js';
import {
  CloseDealInput,
  CreateDealInput,
  DealChecklistItemNode,
  DealConnection,
  DealFilter,
  DealNode,
  DealOrder,
  DealStageChangeNode,
  DeleteDealInput,
  MoveDealInput,
  ReopenDealInput,
  SetDealChecklistItemInput,
  UpdateDealInput,
} from './deal.types.js';

@ArgsType()
export class DealsArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 200 (default 50).' })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;

  @Field(() => DealFilter, { nullable: true })
  filter?: DealFilter;

  @Field(() => DealOrder, { nullable: true })
  orderBy?: DealOrder;
}

@ArgsType()
export class CustomerDealsArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 200 (default 50).' })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;

  @Field(() => [DealStatus], { nullable: true, description: 'Default: every status.' })
  statuses?: DealStatus[];
}

@Resolver(() => DealNode)
@InModule('CRM')
@InFeature('CRM.deals')
export class DealResolver {
  @Authorized('CRM:read')
  @Query(() => DealNode, { description: 'One deal; NOT_FOUND when it does not exist in this company.' })
  deal(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<DealNode> {
    return getDeal(ctx, id);
  }

  @Authorized('CRM:read')
  @Query(() => DealConnection, { description: 'Deals, newest first by default.' })
  deals(@Ctx() ctx: RequestContext, @Args() args: DealsArgs): Promise<ConnectionResult<DealNode>> {
    return listDeals(ctx, args);
  }

  @Authorized('CRM:write')
  @Mutation(() => DealNode, { description: 'A new open deal, at the end of its stage’s column.' })
  createDeal(@Ctx() ctx: RequestContext, @Arg('input') input: CreateDealInput): Promise<DealNode> {
    return createDeal(ctx, input);
  }

  @Authorized('CRM:write')
  @Mutation(() => DealNode)
  updateDeal(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateDealInput): Promise<DealNode> {
    return updateDeal(ctx, input);
  }

  @Authorized('CRM:write')
  @Mutation(() => DealNode, { description: 'Moves an open deal on the board: inside its column or into another stage. CONFLICT (DEAL_CLOSED) for a won or lost deal.' })
  moveDeal(@Ctx() ctx: RequestContext, @Arg('input') input: MoveDealInput): Promise<DealNode> {
    return moveDeal(ctx, input);
  }

  @Authorized('CRM:write')
  @Mutation(() => DealNode, { description: 'Marks an open deal won or lost (a reason is required when lost); it leaves the board.' })
  closeDeal(@Ctx() ctx: RequestContext, @Arg('input') input: CloseDealInput): Promise<DealNode> {
    return closeDeal(ctx, input);
  }

  @Authorized('CRM:write')
  @Mutation(() => DealNode, { description: 'Puts a won or lost deal back on the board, at the end of its stage’s column.' })
  reopenDeal(@Ctx() ctx: RequestContext, @Arg('input') input: ReopenDealInput): Promise<DealNode> {
    return reopenDeal(ctx, input.id);
  }

  @Authorized('CRM:write')
  @Mutation(() => ID, { description: 'Deletes a deal and its history; its interactions stay with its customer. Returns its id.' })
  deleteDeal(@Ctx() ctx: RequestContext, @Arg('input') input: DeleteDealInput): Promise<string> {
    return deleteDeal(ctx, input.id);
  }

  @Authorized('CRM:write')
  @Mutation(() => DealNode, { description: 'Marks an item of the checklist of the deal’s current stage done (or not done).' })
  setDealChecklistItem(@Ctx() ctx: RequestContext, @Arg('input') input: SetDealChecklistItemInput): Promise<DealNode> {
    return setDealChecklistItem(ctx, input);
  }

  @Authorized('CRM:read')
  @FieldResolver(() => CustomerNode)
  async customer(@Ctx() ctx: RequestContext, @Root() deal: DealNode): Promise<CustomerNode> {
    const customer = await customerLoader(ctx).load(deal.customerUuid);
    if (!customer) throw new NotFoundError('Customer');
    return customer;
  }

  @Authorized('CRM:read')
  @FieldResolver(() => ContactNode, { nullable: true, description: 'The person at the customer the deal is with.' })
  contact(@Ctx() ctx: RequestContext, @Root() deal: DealNode): Promise<ContactNode | null> | null {
    return deal.contactUuid ? contactLoader(ctx).load(deal.contactUuid) : null;
  }

  @Authorized('CRM:read')
  @FieldResolver(() => [DealStageChangeNode], { description: 'Its creation, stage changes, wins, losses and reopenings, newest first (at most 500).' })
  stageHistory(@Ctx() ctx: RequestContext, @Root() deal: DealNode): Promise<DealStageChangeNode[]> {
    return dealHistoryLoader(ctx).load(deal.uuid);
  }

  @Authorized('CRM:read')
  @FieldResolver(() => [DealChecklistItemNode], { description: 'The checklist of its current stage, in order, with what is done on this deal.' })
  checklist(@Ctx() ctx: RequestContext, @Root() deal: DealNode): Promise<DealChecklistItemNode[]> {
    return dealChecklist(ctx, deal);
  }
}

/** `Customer.deals`: switched off with the deals feature, like the rest. */
@Resolver(() => CustomerNode)
@InModule('CRM')
@InFeature('CRM.deals')
export class CustomerDealsResolver {
  @Authorized('CRM:read')
  @FieldResolver(() => DealConnection, { description: 'The customer’s deals, newest first.' })
  deals(@Ctx() ctx: RequestContext, @Root() customer: CustomerNode, @Args() args: CustomerDealsArgs): Promise<ConnectionResult<DealNode>> {
    if (!args.after) return customerDealsLoader(ctx, args.first, args.statuses).load(customer.uuid);
    return listDeals(ctx, { first: args.first, after: args.after, filter: { customerId: toGlobalId('Customer', customer.uuid), statuses: args.statuses } });
  }
}
