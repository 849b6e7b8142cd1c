import type { TFunction } from 'i18next';
import type { CreateDealInput, DealDetailQuery, SourceChannel, UpdateDealInput } from '../../../gql/graphql';
import { required } from '../../../lib/validators';
import { changedCustomFieldInputs, createCustomFieldInputs, customFormValues, validateCustomValues, type CustomFieldDef, type CustomValues } from '../fields';
import { currencyDigits, decimalsOf, parseAmount } from './money';

export const TITLE_MAX = 300;
export const REASON_MAX = 1000;
/** Amounts stay below 10^15 (the API's limit). */
const AMOUNT_DIGITS_MAX = 15;

/** The owner field's value for "Nobody". */
export const NOBODY = 'nobody';

export const CHANNELS: SourceChannel[] = ['DIRECT', 'ORGANIC_SEARCH', 'PAID_SEARCH', 'SOCIAL', 'PAID_SOCIAL', 'EMAIL', 'REFERRAL', 'PARTNER', 'EVENT', 'COLD_OUTREACH', 'OTHER'];

export function isChannel(value: string | null): value is SourceChannel {
  return CHANNELS.some((channel) => channel === value);
}

/** API field paths (inside `input`) that land on another field of the form. */
export const DEAL_FORM_FIELDS: Record<string, string> = { 'amount.amount': 'amount', 'amount.currency': 'currency', 'source.eventId': 'eventId', source: 'channel' };

/** What the deal form edits; names follow the API's input so its errors land on the right field. */
export interface DealFormValues {
  title: string;
  customerId: string | null;
  contactId: string | null;
  /** As typed; '' for none. */
  amount: string;
  currency: string;
  /** `YYYY-MM-DD` or ''. */
  expectedCloseDate: string;
  /** A member's id, or NOBODY. */
  ownerId: string;
  /** New deals only: where it starts. */
  pipelineId: string | null;
  stageId: string | null;
  /** 0 to 100, or '' to follow the stage. */
  probability: number | string;
  channel: SourceChannel | null;
  /** The marketing event that brought the deal, or null. */
  eventId: string | null;
  /** Kept as they are when the channel changes (the API replaces the whole source). */
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  /** The company's DEAL custom fields by key (see customFormValues); empty while the feature is off. */
  customFields: CustomValues;
}

export interface NewDealDefaults {
  meId: string | null;
  currency: string;
  pipelineId?: string | null;
  stageId?: string | null;
  customerId?: string | null;
}

export function emptyDeal(defaults: NewDealDefaults, fields: CustomFieldDef[] = []): DealFormValues {
  return {
    title: '',
    customerId: defaults.customerId ?? null,
    contactId: null,
    amount: '',
    currency: defaults.currency,
    expectedCloseDate: '',
    ownerId: defaults.meId ?? NOBODY,
    pipelineId: defaults.pipelineId ?? null,
    stageId: defaults.stageId ?? null,
    probability: '',
    channel: null,
    eventId: null,
    utmSource: null,
    utmMedium: null,
    utmCampaign: null,
    customFields: customFormValues(fields),
  };
}

type DealDetail = DealDetailQuery['deal'];

export function dealFormValues(deal: DealDetail, companyCurrency: string, fields: CustomFieldDef[] = []): DealFormValues {
  return {
    title: deal.title,
    customerId: deal.customer.id,
    contactId: deal.contact?.id ?? null,
    amount: deal.amount?.amount ?? '',
    currency: deal.amount?.currency ?? companyCurrency,
    expectedCloseDate: deal.expectedCloseDate ?? '',
    ownerId: deal.owner?.id ?? NOBODY,
    pipelineId: deal.pipeline.id,
    stageId: deal.stage.id,
    probability: deal.probabilityOverridden ? deal.probability : '',
    channel: deal.source.channel ?? null,
    eventId: deal.source.event?.id ?? null,
    utmSource: deal.source.utmSource ?? null,
    utmMedium: deal.source.utmMedium ?? null,
    utmCampaign: deal.source.utmCampaign ?? null,
    customFields: customFormValues(fields, deal.customFields ?? []),
  };
}

function probabilityOf(value: number | string): number | null {
  if (typeof value === 'number') return value;
  if (value.trim() === '') return null;
  const parsed = Number(value);
  return Number.isNaN(parsed) ? Number.NaN : parsed;
}

/** The API's checks, made before a round trip, in the user's language. */
export function validateDeal(t: TFunction, values: DealFormValues, creating: boolean, fields: CustomFieldDef[] = [], initial?: DealFormValues): Record<string, string | null> {
  const amount = values.amount.trim() === '' ? null : parseAmount(values.amount);
  const digits = currencyDigits(values.currency);
  const probability = probabilityOf(values.probability);
  return {
    title: required(t, TITLE_MAX)(values.title),
    customerId: values.customerId ? null : t('errors.reason.REQUIRED'),
    amount:
      values.amount.trim() === ''
        ? null
        : amount === null
          ? t('deals.form.invalidAmount')
          : (amount.split('.')[0] ?? '').length > AMOUNT_DIGITS_MAX
            ? t('deals.form.amountTooLarge')
            : decimalsOf(amount) > digits
              ? t('errors.reason.TOO_MANY_DECIMALS', { max: digits })
              : null,
    currency: values.currency ? null : t('errors.reason.REQUIRED'),
    stageId: creating && !values.stageId ? t('errors.reason.REQUIRED') : null,
    probability: probability !== null && (!Number.isInteger(probability) || probability < 0 || probability > 100) ? t('errors.reason.OUT_OF_RANGE', { min: 0, max: 100 }) : null,
    ...validateCustomValues(t, fields, values.customFields, { creating, initial: initial?.customFields }),
  };
}

function moneyOf(values: DealFormValues): { amount: string; currency: string } | null {
  const amount = values.amount.trim() === '' ? null : parseAmount(values.amount);
  return amount === null ? null : { amount, currency: values.currency };
}

export function createDealInput(values: DealFormValues, fields: CustomFieldDef[] = []): CreateDealInput {
  const input: CreateDealInput = { title: values.title.trim(), customerId: values.customerId ?? '' };
  if (values.contactId) input.contactId = values.contactId;
  const money = moneyOf(values);
  if (money) input.amount = money;
  if (values.expectedCloseDate) input.expectedCloseDate = values.expectedCloseDate;
  // An explicit null makes nobody responsible (omitting it would make the creator).
  input.ownerId = values.ownerId === NOBODY ? null : values.ownerId;
  if (values.pipelineId) input.pipelineId = values.pipelineId;
  if (values.stageId) input.stageId = values.stageId;
  const probability = probabilityOf(values.probability);
  if (probability !== null && !Number.isNaN(probability)) input.probability = probability;
  // Without a channel or an event the deal takes its customer's attribution (and the person's latest event).
  if (values.channel || values.eventId) input.source = { channel: values.channel, eventId: values.eventId };
  const customFields = createCustomFieldInputs(fields, values.customFields);
  if (customFields.length > 0) input.customFields = customFields;
  return input;
}

/** Only what changed (null clears an optional field); null when nothing did. */
export function changedDealInput(id: string, initial: DealFormValues, values: DealFormValues, fields: CustomFieldDef[] = []): UpdateDealInput | null {
  const input: UpdateDealInput = { id };
  let changed = false;
  const title = values.title.trim();
  if (title !== initial.title.trim()) {
    input.title = title;
    changed = true;
  }
  if (values.customerId !== initial.customerId && values.customerId) {
    input.customerId = values.customerId;
    changed = true;
  }
  if (values.contactId !== initial.contactId) {
    input.contactId = values.contactId;
    changed = true;
  }
  const before = moneyOf(initial);
  const after = moneyOf(values);
  if (before?.amount !== after?.amount || (after && before?.currency !== after.currency)) {
    input.amount = after;
    changed = true;
  }
  if (values.expectedCloseDate !== initial.expectedCloseDate) {
    input.expectedCloseDate = values.expectedCloseDate || null;
    changed = true;
  }
  if (values.ownerId !== initial.ownerId) {
    input.ownerId = values.ownerId === NOBODY ? null : values.ownerId;
    changed = true;
  }
  const probabilityBefore = probabilityOf(initial.probability);
  const probabilityAfter = probabilityOf(values.probability);
  if (probabilityAfter !== probabilityBefore && !Number.isNaN(probabilityAfter)) {
    // null: follow the stage again.
    input.probability = probabilityAfter;
    changed = true;
  }
  if (values.channel !== initial.channel || values.eventId !== initial.eventId) {
    input.source = { channel: values.channel, eventId: values.eventId, utmSource: values.utmSource, utmMedium: values.utmMedium, utmCampaign: values.utmCampaign };
    changed = true;
  }
  const customFields = changedCustomFieldInputs(fields, initial.customFields, values.customFields);
  if (customFields.length > 0) {
    input.customFields = customFields;
    changed = true;
  }
  return changed ? input : null;
}
