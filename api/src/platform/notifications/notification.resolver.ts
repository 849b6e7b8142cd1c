import { Arg, Args, ArgsType, Authorized, Ctx, Field, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { ConnectionResult } from '../../graphql/pagination.js';
import type { RequestContext } from '../context/request-context.js';
import { listNotifications, markNotificationsRead, unreadNotificationCount } from './notification.service.js';
import { MarkNotificationsReadInput, NotificationConnection, NotificationNode } from './notification.types.js';

@ArgsType()
export class NotificationsArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 200 (default 50).' })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;

  @Field({ nullable: true })
  unreadOnly?: boolean;
}

@Resolver(() => NotificationNode)
export class NotificationResolver {
  @Authorized()
  @Query(() => NotificationConnection, { description: 'The signed-in person’s notifications in this company, newest first.' })
  notifications(@Ctx() ctx: RequestContext, @Args() args: NotificationsArgs): Promise<ConnectionResult<NotificationNode>> {
    return listNotifications(ctx, args);
  }

  @Authorized()
  @Query(() => Int)
  unreadNotificationCount(@Ctx() ctx: RequestContext): Promise<number> {
    return unreadNotificationCount(ctx);
  }

  @Authorized()
  @Mutation(() => Int, { description: 'Marks the caller’s notifications read; returns how many changed.' })
  markNotificationsRead(@Ctx() ctx: RequestContext, @Arg('input') input: MarkNotificationsReadInput): Promise<number> {
    return markNotificationsRead(ctx, input);
  }
}
