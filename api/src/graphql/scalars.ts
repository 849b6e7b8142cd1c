import { GraphQLScalarType, Kind } from 'graphql';
import { Decimal } from 'decimal.js';
import { GraphQLCurrency, GraphQLDateTime, GraphQLEmailAddress } from 'graphql-scalars';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { Field, InputType, ObjectType } from 'type-graphql';

/** Years PostgreSQL's timestamptz and every client's date handling agree on. */
function storableDate(value: Date): Date {
  const year = value.getUTCFullYear();
  if (year < 1 || year > 9999) throw new TypeError('DateTime must be between the years 0001 and 9999');
  return value;
}

/** graphql-scalars' DateTime, refusing dates the database cannot store (as input, not as a server error). */
const dateTimeConfig = GraphQLDateTime.toConfig();
export const DateTimeScalar = new GraphQLScalarType<Date, Date | string>({
  ...dateTimeConfig,
  parseValue: (value) => storableDate(GraphQLDateTime.parseValue(value)),
  parseLiteral: (ast, variables) => storableDate(GraphQLDateTime.parseLiteral(ast, variables)),
});

function parseEmail(value: unknown): string {
  try {
    return GraphQLEmailAddress.parseValue(value) as string;
  } catch {
    throw new TypeError(`${String(value)} is not a valid email address`);
  }
}

/** graphql-scalars' EmailAddress check, failing with a TypeError so the error is reported as the client's input. */
export const EmailAddressScalar = new GraphQLScalarType<string, string>({
  name: 'EmailAddress',
  description: 'An email address (RFC 5322), such as "ana@example.com".',
  serialize: (value) => String(value),
  parseValue: parseEmail,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new TypeError('EmailAddress must be written as a string');
    return parseEmail(ast.value);
  },
});

const E164 = /^\+[1-9]\d{6,14}$/;

function parsePhone(value: unknown): string {
  if (typeof value !== 'string' || !E164.test(value)) {
    throw new TypeError('Phone number must be in E.164 form: + and country code, digits only, such as +40721234567');
  }
  if (!isValidPhoneNumber(value)) throw new TypeError(`${value} is not a valid phone number for its country code`);
  return value;
}

/** Strict E.164 (graphql-scalars' PhoneNumber accepts local forms such as "0721"), checked against numbering plans. */
export const PhoneNumberScalar = new GraphQLScalarType<string, string>({
  name: 'PhoneNumber',
  description: 'A phone number in E.164 form, such as "+40721234567".',
  serialize: (value) => String(value),
  parseValue: parsePhone,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new TypeError('PhoneNumber must be written as a string');
    return parsePhone(ast.value);
  },
});

const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

function parseDecimal(value: unknown): Decimal {
  if (typeof value !== 'string' || !DECIMAL_PATTERN.test(value)) {
    throw new TypeError('Decimal must be a string of digits with an optional fraction, such as "1234.50"');
  }
  return new Decimal(value);
}

/** Exact decimal numbers travel as strings: a JavaScript float never touches money or quantities. */
export const DecimalScalar = new GraphQLScalarType<Decimal, string>({
  name: 'Decimal',
  description: 'An exact decimal number, written as a string such as "1234.50".',
  serialize: (value) => (value instanceof Decimal ? value.toFixed() : parseDecimal(String(value)).toFixed()),
  parseValue: (value) => parseDecimal(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new TypeError('Decimal must be written as a string');
    return parseDecimal(ast.value);
  },
});

export const CurrencyScalar = GraphQLCurrency;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseLocalDate(value: unknown): string {
  const match = typeof value === 'string' ? LOCAL_DATE.exec(value) : null;
  if (!match) throw new TypeError(`${String(value)} is not a date written as YYYY-MM-DD`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) throw new TypeError(`${String(value)} is not a calendar date`);
  return String(value);
}

/** A calendar date without a time or zone (a close date, a contract start), as YYYY-MM-DD. */
export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: 'A calendar date without time or time zone, written as YYYY-MM-DD.',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: parseLocalDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new TypeError('LocalDate must be written as a string');
    return parseLocalDate(ast.value);
  },
});

@ObjectType({ description: 'An amount of money in an ISO 4217 currency.' })
export class Money {
  @Field(() => DecimalScalar)
  amount!: Decimal;

  @Field(() => CurrencyScalar)
  currency!: string;
}

@InputType({ description: 'An amount of money; without a currency, the company\'s default currency.' })
export class MoneyInput {
  @Field(() => DecimalScalar)
  amount!: Decimal;

  @Field(() => CurrencyScalar, { nullable: true })
  currency?: string | null;
}
