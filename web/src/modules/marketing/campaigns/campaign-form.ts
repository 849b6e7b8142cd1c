import type { TFunction } from 'i18next';
import type { CampaignDetailQuery, CreateCampaignInput, MarketingChannel, UpdateCampaignInput } from '../../../gql/graphql.js';
import { required } from '../../../lib/validators.js';
import { currencyDigits, decimalsOf, parseAmount } from '../../crm/deals/money.js';
import { instantOf, localInputOf } from '../shared/zoned-time.js';

/** The API's limits. */
export const CAMPAIGN_NAME_MAX = 200;
export const THROTTLE_MAX = 1_000_000;
export const AUDIENCE_SOURCES_MAX = 20;
export const TEST_SHARE_MIN = 2;
export const TEST_SHARE_MAX = 100;
const AMOUNT_DIGITS_MAX = 15;

/** API paths (inside `input`) that land on another form field than their own name. */
export const CAMPAIGN_FORM_FIELDS: Record<string, string> = {
  audience: 'segmentIds',
  'audience.segmentIds': 'segmentIds',
  'audience.listIds': 'listIds',
  throttlePerMinute: 'throttle',
  quietHours: 'quietStart',
  'quietHours.start': 'quietStart',
  'quietHours.end': 'quietEnd',
  abTest: 'variantTemplateId',
  'abTest.variantTemplateId': 'variantTemplateId',
  'abTest.testSharePercent': 'testShare',
  'abTest.winnerAt': 'winnerAt',
  cost: 'amount',
  'cost.amount': 'amount',
  'cost.currency': 'currency',
};

export interface CampaignFormValues {
  name: string;
  channel: MarketingChannel;
  templateId: string | null;
  segmentIds: string[];
  listIds: string[];
  /** Messages a minute as typed; '' for as fast as the channel allows. */
  throttle: number | string;
  /** SMS: no messages in these local hours of the recipient. */
  quietHours: boolean;
  quietStart: string;
  quietEnd: string;
  abTest: boolean;
  variantTemplateId: string | null;
  testShare: number | string;
  /** When the winner goes to the rest, as the clock of `zone` shows it (`YYYY-MM-DDTHH:mm`). */
  winnerAt: string;
  /** The zone the A/B winner time is typed in: this device's. */
  zone: string;
  /** The cost as typed; '' for none. */
  amount: string;
  currency: string;
}

export type CampaignDetail = CampaignDetailQuery['campaign'];

/** Quiet hours most senders choose: no texts from 9 in the evening to 8 in the morning. */
const QUIET_START = '21';
const QUIET_END = '8';
const TEST_SHARE = 20;

export function emptyCampaign(channel: MarketingChannel, currency: string, zone: string): CampaignFormValues {
  return {
    name: '',
    channel,
    templateId: null,
    segmentIds: [],
    listIds: [],
    throttle: '',
    quietHours: channel === 'SMS',
    quietStart: QUIET_START,
    quietEnd: QUIET_END,
    abTest: false,
    variantTemplateId: null,
    testShare: TEST_SHARE,
    winnerAt: '',
    zone,
    amount: '',
    currency,
  };
}

export function campaignValues(campaign: CampaignDetail, companyCurrency: string, zone: string): CampaignFormValues {
  return {
    name: campaign.name,
    channel: campaign.channel,
    templateId: campaign.templateId,
    segmentIds: campaign.audience.segmentIds,
    listIds: campaign.audience.listIds,
    throttle: campaign.throttlePerMinute ?? '',
    quietHours: campaign.quietHours !== null && campaign.quietHours !== undefined,
    quietStart: String(campaign.quietHours?.start ?? QUIET_START),
    quietEnd: String(campaign.quietHours?.end ?? QUIET_END),
    abTest: campaign.abTest !== null && campaign.abTest !== undefined,
    variantTemplateId: campaign.abTest?.variantTemplateId ?? null,
    testShare: campaign.abTest?.testSharePercent ?? TEST_SHARE,
    winnerAt: campaign.abTest ? localInputOf(campaign.abTest.winnerAt, zone) : '',
    zone,
    amount: campaign.cost?.amount ?? '',
    currency: campaign.cost?.currency ?? companyCurrency,
  };
}

/** A whole number typed in a number field, or null ('' and fractions are not). */
function wholeNumber(value: number | string): number | null {
  const number = typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);
  return Number.isInteger(number) ? number : null;
}

type CampaignErrors = Partial<Record<keyof CampaignFormValues, string | null>>;

/** The API's checks, made before a round trip, in the user's language. */
export function validateCampaign(t: TFunction, values: CampaignFormValues, now: Date = new Date()): CampaignErrors {
  const errors: CampaignErrors = {
    name: required(t, CAMPAIGN_NAME_MAX)(values.name),
    templateId: values.templateId ? null : t('marketing.campaigns.form.chooseTemplate'),
    segmentIds: values.segmentIds.length + values.listIds.length > AUDIENCE_SOURCES_MAX ? t('errors.reason.TOO_MANY', { max: AUDIENCE_SOURCES_MAX }) : null,
  };
  if (values.throttle !== '') {
    const throttle = wholeNumber(values.throttle);
    errors.throttle = throttle === null || throttle < 1 || throttle > THROTTLE_MAX ? t('errors.reason.OUT_OF_RANGE', { min: 1, max: THROTTLE_MAX }) : null;
  }
  if (values.channel === 'SMS' && values.quietHours) {
    errors.quietEnd = values.quietStart === values.quietEnd ? t('marketing.campaigns.form.quietSame') : null;
  }
  if (values.abTest) {
    const share = wholeNumber(values.testShare);
    const winner = instantOf(values.winnerAt, values.zone);
    errors.variantTemplateId = !values.variantTemplateId ? t('marketing.campaigns.form.chooseVariant') : values.variantTemplateId === values.templateId ? t('marketing.campaigns.form.variantSame') : null;
    errors.testShare = share === null || share < TEST_SHARE_MIN || share > TEST_SHARE_MAX ? t('errors.reason.OUT_OF_RANGE', { min: TEST_SHARE_MIN, max: TEST_SHARE_MAX }) : null;
    errors.winnerAt = values.winnerAt === '' ? t('errors.reason.REQUIRED') : winner === null ? t('marketing.campaigns.form.invalidTime') : new Date(winner) <= now ? t('errors.reason.IN_PAST') : null;
  }
  if (values.amount.trim() !== '') {
    const amount = parseAmount(values.amount);
    const digits = currencyDigits(values.currency);
    errors.amount =
      amount === null
        ? t('marketing.campaigns.form.invalidAmount')
        : (amount.split('.')[0] ?? '').length > AMOUNT_DIGITS_MAX
          ? t('marketing.campaigns.form.amountTooLarge')
          : decimalsOf(amount) > digits
            ? t('errors.reason.TOO_MANY_DECIMALS', { max: digits })
            : null;
    errors.currency = values.currency ? null : t('errors.reason.REQUIRED');
  }
  return errors;
}

function throttleOf(values: CampaignFormValues): number | null {
  return values.throttle === '' ? null : wholeNumber(values.throttle);
}

function quietHoursOf(values: CampaignFormValues): { start: number; end: number } | null {
  return values.channel === 'SMS' && values.quietHours ? { start: Number(values.quietStart), end: Number(values.quietEnd) } : null;
}

function abTestOf(values: CampaignFormValues): { variantTemplateId: string; testSharePercent: number; winnerAt: string } | null {
  if (!values.abTest || !values.variantTemplateId) return null;
  const winnerAt = instantOf(values.winnerAt, values.zone);
  const share = wholeNumber(values.testShare);
  return winnerAt === null || share === null ? null : { variantTemplateId: values.variantTemplateId, testSharePercent: share, winnerAt };
}

function costOf(values: CampaignFormValues): { amount: string; currency: string } | null {
  const amount = values.amount.trim() === '' ? null : parseAmount(values.amount);
  return amount === null ? null : { amount, currency: values.currency };
}

export function createCampaignInput(values: CampaignFormValues): CreateCampaignInput {
  const input: CreateCampaignInput = {
    name: values.name.trim(),
    channel: values.channel,
    templateId: values.templateId ?? '',
    audience: { segmentIds: values.segmentIds, listIds: values.listIds },
  };
  const throttle = throttleOf(values);
  if (throttle !== null) input.throttlePerMinute = throttle;
  const quiet = quietHoursOf(values);
  if (quiet) input.quietHours = quiet;
  const abTest = abTestOf(values);
  if (abTest) input.abTest = abTest;
  const cost = costOf(values);
  if (cost) input.cost = cost;
  return input;
}

/** Every field as the form shows it: a field switched off or emptied clears the value (null). The channel stays what it was. */
export function updateCampaignInput(id: string, values: CampaignFormValues): UpdateCampaignInput {
  return {
    id,
    name: values.name.trim(),
    templateId: values.templateId,
    audience: { segmentIds: values.segmentIds, listIds: values.listIds },
    throttlePerMinute: throttleOf(values),
    quietHours: quietHoursOf(values),
    abTest: abTestOf(values),
    cost: costOf(values),
  };
}

/** The first error of a field or of any item under it ("segmentIds", "segmentIds.2"). */
export function errorUnder(errors: Record<string, unknown>, field: string): string | undefined {
  const own = errors[field];
  if (typeof own === 'string') return own;
  const item = Object.entries(errors).find(([key, value]) => key.startsWith(`${field}.`) && typeof value === 'string');
  return typeof item?.[1] === 'string' ? item[1] : undefined;
}
