import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { InModule } from '../graphql/guards.js';
import type { RequestContext } from '../platform/context/request-context.js';
import { smsInboundUrl } from './sms-inbound.service.js';

@Resolver()
@InModule('MARKETING')
export class SmsInboundResolver {
  @Authorized('MARKETING:read')
  @Query(() => String, {
    description: 'The address to set as the "a message comes in" webhook of the company’s Twilio number, so STOP and START replies change SMS consent (owners and admins; it changes with the inbound email address).',
  })
  smsInboundWebhookUrl(@Ctx() ctx: RequestContext): Promise<string> {
    return smsInboundUrl(ctx);
  }
}
