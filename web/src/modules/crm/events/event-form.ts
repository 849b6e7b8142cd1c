import type { TFunction } from 'i18next';
import type { CreateMarketingEventInput, MarketingEventDetailQuery, MarketingEventKind, UpdateMarketingEventInput } from '../../../gql/graphql';
import { optional, optionalText, required } from '../../../lib/validators';
import { currencyDigits, decimalsOf, parseAmount } from '../deals/money';
import { isDay } from './events-view';

/** The API's limits. */
export const EVENT_NAME_MAX = 300;
export const EVENT_LOCATION_MAX = 300;
export const EVENT_NOTES_MAX = 5_000;
/** Digits before the decimal point the API accepts in an amount. */
const AMOUNT_DIGITS_MAX = 15;

/** API paths that land on another form field than their own name. */
export const EVENT_FORM_FIELDS: Record<string, string> = { 'cost.amount': 'amount', 'cost.currency': 'currency', cost: 'amount' };

export interface EventFormValues {
  name: string;
  kind: MarketingEventKind;
  /** `YYYY-MM-DD` (a date input). */
  startsOn: string;
  endsOn: string;
  location: string;
  /** The cost as typed; '' for none. */
  amount: string;
  currency: string;
  notes: string;
}

type EventDetail = MarketingEventDetailQuery['marketingEvent'];

export function emptyEvent(currency: string, startsOn: string): EventFormValues {
  return { name: '', kind: 'EXHIBITION', startsOn, endsOn: '', location: '', amount: '', currency, notes: '' };
}

export function eventValues(event: EventDetail, companyCurrency: string): EventFormValues {
  return {
    name: event.name,
    kind: event.kind,
    startsOn: event.startsOn,
    endsOn: event.endsOn ?? '',
    location: event.location ?? '',
    amount: event.cost?.amount ?? '',
    currency: event.cost?.currency ?? companyCurrency,
    notes: event.notes ?? '',
  };
}

/** The API's checks, made before a round trip, in the user's language. */
export function validateEvent(t: TFunction, values: EventFormValues): Partial<Record<keyof EventFormValues, string | null>> {
  const amount = values.amount.trim() === '' ? null : parseAmount(values.amount);
  const digits = currencyDigits(values.currency);
  const startsOk = isDay(values.startsOn);
  const endsOk = values.endsOn === '' || isDay(values.endsOn);
  return {
    name: required(t, EVENT_NAME_MAX)(values.name),
    startsOn: values.startsOn === '' ? t('errors.reason.REQUIRED') : startsOk ? null : t('events.form.invalidDay'),
    endsOn: !endsOk ? t('events.form.invalidDay') : startsOk && values.endsOn !== '' && values.endsOn < values.startsOn ? t('events.form.endsBeforeStart') : null,
    location: optionalText(t, EVENT_LOCATION_MAX)(values.location),
    amount:
      values.amount.trim() === ''
        ? null
        : amount === null
          ? t('events.form.invalidAmount')
          : (amount.split('.')[0] ?? '').length > AMOUNT_DIGITS_MAX
            ? t('events.form.amountTooLarge')
            : decimalsOf(amount) > digits
              ? t('events.form.tooManyDecimals', { count: digits })
              : null,
    currency: values.currency ? null : t('errors.reason.REQUIRED'),
    notes: optionalText(t, EVENT_NOTES_MAX)(values.notes),
  };
}

function costOf(values: EventFormValues): { amount: string; currency: string } | null {
  const amount = values.amount.trim() === '' ? null : parseAmount(values.amount);
  return amount === null ? null : { amount, currency: values.currency };
}

export function createEventInput(values: EventFormValues): CreateMarketingEventInput {
  const input: CreateMarketingEventInput = { name: values.name.trim(), kind: values.kind, startsOn: values.startsOn };
  if (values.endsOn) input.endsOn = values.endsOn;
  const location = optional(values.location);
  if (location) input.location = location;
  const cost = costOf(values);
  if (cost) input.cost = cost;
  const notes = optional(values.notes);
  if (notes) input.notes = notes;
  return input;
}

/** Every field, as the form shows it: an emptied field clears the value (null). */
export function updateEventInput(id: string, values: EventFormValues): UpdateMarketingEventInput {
  return {
    id,
    name: values.name.trim(),
    kind: values.kind,
    startsOn: values.startsOn,
    endsOn: values.endsOn || null,
    location: optional(values.location),
    cost: costOf(values),
    notes: optional(values.notes),
  };
}
