import { Field, Int, ObjectType } from 'type-graphql';
import type { Decimal } from 'decimal.js';
import { DecimalScalar, Money } from '../graphql/scalars.js';

@ObjectType('AttributedRevenue', {
  description: 'Deals won from the people a campaign reached (or who came to an event) within a window after, and the return on what it cost.',
})
export class AttributedRevenueNode {
  @Field(() => Int, { description: 'Days after sending (after the event) in which a won deal counts.' })
  windowDays!: number;

  @Field(() => Int, { description: 'Won deals attributed, each once (with or without an amount).' })
  attributedDeals!: number;

  @Field(() => [Money], { description: 'Their amounts, one total per currency (amounts are never converted).' })
  wonAmounts!: Money[];

  @Field(() => Money, { nullable: true })
  cost!: Money | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '(won − cost) ÷ cost over the deals in the cost’s currency, to 4 decimals: 1.5 means 150 % back on top of the cost. Null without a cost (or a zero one).',
  })
  roi!: Decimal | null;
}
