import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';

@ObjectType('Session', { description: 'A device or browser where the person is signed in.' })
export class SessionNode {
  @Field(() => ID)
  id!: string;

  @Field(() => DateTimeScalar, { description: 'When the person signed in there.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'Last request made with it, to within five minutes.' })
  lastSeenAt!: Date;

  @Field(() => String, { nullable: true, description: 'The User-Agent of the sign-in request.' })
  userAgent!: string | null;

  @Field(() => String, { nullable: true, description: 'The IP address of the sign-in request.' })
  ip!: string | null;

  @Field({ description: 'True for the session making this request.' })
  current!: boolean;
}

@InputType()
export class RevokeSessionInput {
  @Field(() => ID)
  id!: string;
}
