import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Standalone } from '../graphql/guards.js';
import type { RequestContext } from '../platform/context/request-context.js';
import { PREFERENCE_CENTRE, UNSUBSCRIBE_LINK, unsubscribe, unsubscribePage, updatePreferences } from './preferences.service.js';
import { confirmSubscription } from './subscribe.service.js';
import { ConfirmSubscriptionInput, SubscriptionConfirmationNode, UnsubscribeInput, UnsubscribePageNode, UpdatePreferencesInput } from './subscriber.types.js';

/** Guessing tokens is hopeless (128-bit MACs, 256-bit secrets); this only keeps one address from hammering the pages. */
const PER_IP = { name: 'subscriber-ip', points: 300, durationSeconds: 600 };

/**
 * What a subscriber does without an account, holding a link from a message: confirm a subscription,
 * see and change their preferences, unsubscribe. No sign-in; the link's token names the company and
 * opens a transaction of that company alone. Not tagged with the module: the links of messages
 * already sent must keep working for the people who received them.
 */
@Resolver()
export class SubscriberResolver {
  @Standalone()
  @Mutation(() => SubscriptionConfirmationNode, { description: 'Public: confirms a double opt-in from the emailed link (BAD_USER_INPUT, reason INVALID_LINK, when invalid, used or expired).' })
  async confirmSubscription(@Ctx() ctx: RequestContext, @Arg('input') input: ConfirmSubscriptionInput): Promise<SubscriptionConfirmationNode> {
    await ctx.app.rateLimits.consume(PER_IP, ctx.meta.ip);
    return confirmSubscription(ctx.app, ctx.requestId, input.token);
  }

  @Query(() => UnsubscribePageNode, { description: 'Public: what the unsubscribe page and preference centre of a message show (NOT_FOUND for a bad link). Changes nothing.' })
  async unsubscribePage(@Ctx() ctx: RequestContext, @Arg('token') token: string): Promise<UnsubscribePageNode> {
    await ctx.app.rateLimits.consume(PER_IP, ctx.meta.ip);
    return unsubscribePage(ctx.app, ctx.requestId, token);
  }

  @Standalone()
  @Mutation(() => UnsubscribePageNode, { description: 'Public: the unsubscribe page’s confirming click: no more campaigns on the message’s channel. Idempotent.' })
  async unsubscribe(@Ctx() ctx: RequestContext, @Arg('input') input: UnsubscribeInput): Promise<UnsubscribePageNode> {
    await ctx.app.rateLimits.consume(PER_IP, ctx.meta.ip);
    return unsubscribe(ctx.app, ctx.requestId, input.token, UNSUBSCRIBE_LINK);
  }

  @Standalone()
  @Mutation(() => UnsubscribePageNode, { description: `Public: the preference centre's choices of lists and consent (source "${PREFERENCE_CENTRE}").` })
  async updatePreferences(@Ctx() ctx: RequestContext, @Arg('input') input: UpdatePreferencesInput): Promise<UnsubscribePageNode> {
    await ctx.app.rateLimits.consume(PER_IP, ctx.meta.ip);
    return updatePreferences(ctx.app, ctx.requestId, input);
  }
}
