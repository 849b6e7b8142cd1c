import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/pagination.js';
import { DateTimeScalar } from '../../graphql/scalars.js';

@ObjectType('NotificationParam', { description: 'One value a notification’s wording needs.' })
export class NotificationParamNode {
  @Field()
  key!: string;

  @Field()
  value!: string;
}

@ObjectType('Notification', { description: 'A message for the signed-in person, such as a task reminder.' })
export class NotificationNode {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'What happened, e.g. TASK_DUE; clients word it in the user’s language with `params`.' })
  kind!: string;

  @Field(() => [NotificationParamNode])
  params!: NotificationParamNode[];

  @Field(() => String, { nullable: true, description: 'Where in the web app it leads, e.g. /tasks?task=<id>.' })
  link!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  readAt!: Date | null;
}

export const NotificationConnection = Connection(NotificationNode, 'Notification');

@InputType()
export class MarkNotificationsReadInput {
  @Field(() => [ID], { nullable: true, description: 'These notifications; omit with all: true.' })
  ids?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Every unread notification of the caller.' })
  all?: boolean | null;
}
