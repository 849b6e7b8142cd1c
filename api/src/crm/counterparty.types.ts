import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Connection } from '../graphql/pagination.js';
import { CurrencyScalar, DateTimeScalar, LocalDateScalar } from '../graphql/scalars.js';
import { AddressInput, AddressNode } from '../platform/address/address.types.js';

@ObjectType('BankAccount')
export class BankAccountNode {
  @Field({ description: 'In electronic form, without spaces.' })
  iban!: string;

  @Field(() => String, { nullable: true })
  bic!: string | null;

  @Field(() => String, { nullable: true })
  bankName!: string | null;

  @Field(() => CurrencyScalar, { nullable: true })
  currency!: string | null;
}

@ObjectType('Counterparty', { description: 'A legal entity a customer buys through; a customer may change it over time.' })
export class CounterpartyNode {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  customerId!: string;

  @Field()
  legalName!: string;

  @Field(() => String, { nullable: true, description: 'VAT or tax identification number.' })
  taxId!: string | null;

  @Field(() => String, { nullable: true, description: 'Trade register number.' })
  registrationNumber!: string | null;

  @Field(() => AddressNode)
  legalAddress!: AddressNode;

  @Field(() => [BankAccountNode])
  bankAccounts!: BankAccountNode[];

  @Field(() => LocalDateScalar, { nullable: true })
  validFrom!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Null while the customer still buys through it.' })
  validTo!: string | null;

  @Field({ description: 'Valid today.' })
  current!: boolean;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

export const CounterpartyConnection = Connection(CounterpartyNode, 'Counterparty');

@InputType({ description: 'Every given condition must hold. Sorted by legal name.' })
export class CounterpartyFilter {
  @Field({ nullable: true, description: 'Matches legal name, tax id or registration number (case-insensitive, anywhere in the text).' })
  search?: string;

  @Field({ nullable: true, description: 'Exactly this tax id (case and spaces ignored).' })
  taxId?: string;

  @Field(() => ID, { nullable: true })
  customerId?: string;

  @Field({ nullable: true, description: 'true: only those valid today; false: only former ones.' })
  current?: boolean;
}

@InputType()
export class BankAccountInput {
  @Field({ description: 'Spaces are allowed; it is checked and stored without them.' })
  iban!: string;

  @Field(() => String, { nullable: true })
  bic?: string | null;

  @Field(() => String, { nullable: true })
  bankName?: string | null;

  @Field(() => CurrencyScalar, { nullable: true })
  currency?: string | null;
}

@InputType()
export class CreateCounterpartyInput {
  @Field(() => ID)
  customerId!: string;

  @Field()
  legalName!: string;

  @Field(() => String, { nullable: true })
  taxId?: string | null;

  @Field(() => String, { nullable: true })
  registrationNumber?: string | null;

  @Field(() => AddressInput, { nullable: true })
  legalAddress?: AddressInput | null;

  @Field(() => [BankAccountInput], { nullable: true, description: 'At most 20.' })
  bankAccounts?: BankAccountInput[] | null;

  @Field(() => LocalDateScalar, { nullable: true })
  validFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  validTo?: string | null;
}

@InputType({ description: 'Omitted fields stay as they are; null clears an optional field; `legalAddress` and `bankAccounts` replace the whole part.' })
export class UpdateCounterpartyInput {
  @Field(() => ID)
  id!: string;

  @Field({ nullable: true })
  legalName?: string;

  @Field(() => String, { nullable: true })
  taxId?: string | null;

  @Field(() => String, { nullable: true })
  registrationNumber?: string | null;

  @Field(() => AddressInput, { nullable: true })
  legalAddress?: AddressInput | null;

  @Field(() => [BankAccountInput], { nullable: true })
  bankAccounts?: BankAccountInput[] | null;

  @Field(() => LocalDateScalar, { nullable: true })
  validFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  validTo?: string | null;
}

@InputType()
export class DeleteCounterpartyInput {
  @Field(() => ID)
  id!: string;
}
