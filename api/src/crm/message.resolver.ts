import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { MessageChannel } from '../../../schema/crm/message.entity.js';
import { fromGlobalId } from '../graphql/global-id.js';
import { InModule } from '../graphql/guards.js';
import type { ConnectionResult } from '../graphql/pagination.js';
import type { RequestContext } from '../platform/context/request-context.js';
import { inboundEmailUrl, rotateInboundEmailToken } from './inbound-email.service.js';
import { InteractionNode } from './interaction.types.js';
import { attachMessageToContact, getMessage, listMessages, messageOfInteractionLoader, sendEmailToContact, sendSmsToContact } from './message.service.js';
import { AttachMessageToContactInput, MessageConnection, MessageNode, SendEmailToContactInput, SendSmsToContactInput } from './message.types.js';

@ArgsType()
export class MessagesArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 200 (default 50).' })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;

  @Field(() => ID, { nullable: true, description: 'Only those with this person.' })
  contactId?: string;

  @Field(() => ID, { nullable: true, description: 'Only those with this customer’s people.' })
  customerId?: string;

  @Field(() => Boolean, { nullable: true, description: 'true: only received emails nobody was found for (attach them with attachMessageToContact); false: only those with a person.' })
  unmatched?: boolean;

  @Field(() => MessageChannel, { nullable: true })
  channel?: MessageChannel;
}

@Resolver(() => MessageNode)
@InModule('CRM')
export class MessageResolver {
  @Authorized('CRM:read')
  @Query(() => MessageNode)
  message(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<MessageNode> {
    return getMessage(ctx, id);
  }

  @Authorized('CRM:read')
  @Query(() => MessageConnection, { description: 'Emails and SMS sent to people and emails received from them, newest first.' })
  messages(@Ctx() ctx: RequestContext, @Args() args: MessagesArgs): Promise<ConnectionResult<MessageNode>> {
    return listMessages(ctx, args);
  }

  @Authorized('CRM:write')
  @Mutation(() => MessageNode, {
    description: 'Emails a person (QUEUED, then sent by a worker) and records it in their history. Refused when they have no such address or refused email (NO_CONSENT).',
  })
  sendEmailToContact(@Ctx() ctx: RequestContext, @Arg('input') input: SendEmailToContactInput): Promise<MessageNode> {
    return sendEmailToContact(ctx, input);
  }

  @Authorized('CRM:write')
  @Mutation(() => MessageNode, { description: 'Texts a person (QUEUED, then sent by a worker) and records it in their history. Refused when they have no number or refused SMS (NO_CONSENT).' })
  sendSmsToContact(@Ctx() ctx: RequestContext, @Arg('input') input: SendSmsToContactInput): Promise<MessageNode> {
    return sendSmsToContact(ctx, input);
  }

  @Authorized('CRM:write')
  @Mutation(() => MessageNode, { description: 'Gives a received email from an unknown sender its person: it joins their history.' })
  attachMessageToContact(@Ctx() ctx: RequestContext, @Arg('input') input: AttachMessageToContactInput): Promise<MessageNode> {
    return attachMessageToContact(ctx, input);
  }

  @Authorized('settings:manage')
  @Query(() => String, { description: 'Where the company’s mail gateway posts received emails, raw (message/rfc822). A secret: owners and admins only.' })
  inboundEmailUrl(@Ctx() ctx: RequestContext): Promise<string> {
    return inboundEmailUrl(ctx);
  }

  @Authorized('settings:manage')
  @Mutation(() => String, { description: 'Replaces the inbound email address’s secret (the old address stops working at once); returns the new address.' })
  rotateInboundEmailToken(@Ctx() ctx: RequestContext): Promise<string> {
    return rotateInboundEmailToken(ctx);
  }
}

/** `Interaction.message`: the email or SMS behind an interaction, so the timeline shows its delivery. */
@Resolver(() => InteractionNode)
@InModule('CRM')
export class InteractionMessageResolver {
  @Authorized('CRM:read')
  @FieldResolver(() => MessageNode, { nullable: true, description: 'The email or SMS sent or received through Kontor, with its delivery status; null for logged interactions.' })
  message(@Root() interaction: InteractionNode, @Ctx() ctx: RequestContext): Promise<MessageNode | null> {
    return messageOfInteractionLoader(ctx).load(fromGlobalId('Interaction', interaction.id, ['id']));
  }
}
