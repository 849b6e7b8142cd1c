import DataLoader from 'dataloader';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { contactLoader } from '../crm/contact.service.js';
import { ContactNode } from '../crm/contact.types.js';
import { InModule } from '../graphql/guards.js';
import type { ConnectionResult } from '../graphql/pagination.js';
import type { RequestContext } from '../platform/context/request-context.js';
import {
  addListMembers,
  createSubscriptionList,
  deleteSubscriptionList,
  formUrl,
  getSubscriptionList,
  listCounts,
  listMembers,
  listSubscriptionLists,
  removeListMembers,
  updateSubscriptionList,
  type ListCounts,
} from './list.service.js';
import {
  AddListMembersPayload,
  CreateSubscriptionListInput,
  DeleteSubscriptionListInput,
  ListMemberConnection,
  ListMemberNode,
  ListMembersArgs,
  ListMembersInput,
  RemoveListMembersPayload,
  SubscriptionListNode,
  UpdateSubscriptionListInput,
} from './list.types.js';

/** Every list's counts of a response in one grouped query. */
function countsLoader(ctx: RequestContext): DataLoader<string, ListCounts> {
  return ctx.loader('marketing.listCounts', () =>
    new DataLoader<string, ListCounts>(async (ids) => {
      const counts = await listCounts(ctx, ids);
      return ids.map((id) => counts.get(id) ?? { members: 0, subscribed: 0, pending: 0 });
    }),
  );
}

@Resolver(() => SubscriptionListNode)
@InModule('MARKETING')
export class SubscriptionListResolver {
  @Authorized('MARKETING:read')
  @Query(() => [SubscriptionListNode], { description: 'Subscription lists by name (at most 500: not paginated).' })
  subscriptionLists(@Ctx() ctx: RequestContext): Promise<SubscriptionListNode[]> {
    return listSubscriptionLists(ctx);
  }

  @Authorized('MARKETING:read')
  @Query(() => SubscriptionListNode)
  subscriptionList(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<SubscriptionListNode> {
    return getSubscriptionList(ctx, id);
  }

  @Authorized('MARKETING:read')
  @Query(() => ListMemberConnection, { description: 'The people on a list, the latest to join first.' })
  listMembers(@Ctx() ctx: RequestContext, @Args() args: ListMembersArgs): Promise<ConnectionResult<ListMemberNode>> {
    return listMembers(ctx, args);
  }

  @Authorized('MARKETING:read')
  @FieldResolver(() => Int, { description: 'Everyone on record: subscribed, pending and unsubscribed.' })
  async memberCount(@Ctx() ctx: RequestContext, @Root() list: SubscriptionListNode): Promise<number> {
    return (await countsLoader(ctx).load(list.uuid)).members;
  }

  @Authorized('MARKETING:read')
  @FieldResolver(() => Int, { description: 'Subscribed (confirmed, for a double opt-in list): who a campaign to the list may reach.' })
  async subscribedCount(@Ctx() ctx: RequestContext, @Root() list: SubscriptionListNode): Promise<number> {
    return (await countsLoader(ctx).load(list.uuid)).subscribed;
  }

  @Authorized('MARKETING:read')
  @FieldResolver(() => Int, { description: 'Waiting for their confirmation.' })
  async pendingCount(@Ctx() ctx: RequestContext, @Root() list: SubscriptionListNode): Promise<number> {
    return (await countsLoader(ctx).load(list.uuid)).pending;
  }

  @Authorized('MARKETING:read')
  @FieldResolver(() => String, { description: 'Where the public form posts (email, firstName, lastName; JSON or form-encoded).' })
  formUrl(@Ctx() ctx: RequestContext, @Root() list: SubscriptionListNode): string {
    return formUrl(ctx.app.config.appUrl, ctx.tenantId, list.formToken);
  }

  @Authorized('MARKETING:write')
  @Mutation(() => SubscriptionListNode)
  createSubscriptionList(@Ctx() ctx: RequestContext, @Arg('input') input: CreateSubscriptionListInput): Promise<SubscriptionListNode> {
    return createSubscriptionList(ctx, input);
  }

  @Authorized('MARKETING:write')
  @Mutation(() => SubscriptionListNode)
  updateSubscriptionList(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateSubscriptionListInput): Promise<SubscriptionListNode> {
    return updateSubscriptionList(ctx, input);
  }

  @Authorized('MARKETING:write')
  @Mutation(() => ID, { description: 'Removes a list and its members’ records, unless a campaign still to send uses it (CONFLICT, reason IN_USE).' })
  deleteSubscriptionList(@Ctx() ctx: RequestContext, @Arg('input') input: DeleteSubscriptionListInput): Promise<string> {
    return deleteSubscriptionList(ctx, input.id);
  }

  @Authorized('MARKETING:write')
  @Mutation(() => AddListMembersPayload, { description: 'Puts people on a list, subscribed at once (source "staff").' })
  addListMembers(@Ctx() ctx: RequestContext, @Arg('input') input: ListMembersInput): Promise<AddListMembersPayload> {
    return addListMembers(ctx, input);
  }

  @Authorized('MARKETING:write')
  @Mutation(() => RemoveListMembersPayload)
  removeListMembers(@Ctx() ctx: RequestContext, @Arg('input') input: ListMembersInput): Promise<RemoveListMembersPayload> {
    return removeListMembers(ctx, input);
  }
}

@Resolver(() => ListMemberNode)
@InModule('MARKETING')
export class ListMemberResolver {
  @Authorized('CRM:read')
  @FieldResolver(() => ContactNode, { nullable: true, description: 'Null when the caller’s role does not see this person.' })
  contact(@Ctx() ctx: RequestContext, @Root() member: ListMemberNode): Promise<ContactNode | null> {
    return contactLoader(ctx).load(member.contactUuid);
  }
}
