import type { TFunction } from 'i18next';
import type { CallOutcome, InteractionDirection, InteractionKind, LogInteractionInput, TimelineSubjectType } from '../../../gql/graphql';
import { optional, optionalText, required } from '../../../lib/validators';
import { fromLocalInput, toLocalInput } from '../tasks/task-form';

export const SUBJECT_MAX = 300;
export const BODY_MAX = 20_000;
/** A call or meeting longer than a day is a typo (the API's limit, in minutes). */
export const DURATION_MAX_MINUTES = 1_440;
/** Devices' clocks differ a little: a time this far ahead still counts as now (the API allows five minutes). */
const FUTURE_TOLERANCE_MS = 60_000;

export const KINDS: InteractionKind[] = ['CALL', 'MEETING', 'EMAIL', 'SMS', 'NOTE'];
export const DIRECTIONS: InteractionDirection[] = ['OUTBOUND', 'INBOUND'];
export const OUTCOMES: CallOutcome[] = ['REACHED', 'NO_ANSWER', 'BUSY', 'VOICEMAIL', 'WRONG_NUMBER'];

/** Calls, SMS and email went out or came in. */
export function hasDirection(kind: InteractionKind): boolean {
  return kind === 'CALL' || kind === 'SMS' || kind === 'EMAIL';
}

/** Calls and meetings last a while. */
export function hasDuration(kind: InteractionKind): boolean {
  return kind === 'CALL' || kind === 'MEETING';
}

/** Only calls end one way or another. */
export function hasOutcome(kind: InteractionKind): boolean {
  return kind === 'CALL';
}

/** An SMS has no subject line. */
export function hasSubject(kind: InteractionKind): boolean {
  return kind !== 'SMS';
}

export function isKind(value: string | null): value is InteractionKind {
  return KINDS.some((kind) => kind === value);
}

export function isDirection(value: string | null): value is InteractionDirection {
  return DIRECTIONS.some((direction) => direction === value);
}

export function isOutcome(value: string | null): value is CallOutcome {
  return OUTCOMES.some((outcome) => outcome === value);
}

/** Who the history belongs to: the page's person or customer. */
export interface HistorySubject {
  type: TimelineSubjectType;
  id: string;
  name: string;
}

/** What the form edits; names match the API's input (minutes aside), so its errors land on the right field. */
export interface InteractionFormValues {
  kind: InteractionKind;
  direction: InteractionDirection | '';
  /** `YYYY-MM-DDTHH:mm` in the device's time zone (a datetime-local input). */
  occurredAt: string;
  /** Whole minutes, or '' when not given. */
  durationMinutes: number | string;
  outcome: CallOutcome | null;
  subject: string;
  body: string;
  /** On a customer's page: the person it was with, if any. */
  contactId: string | null;
}

export function emptyInteraction(kind: InteractionKind, now: Date = new Date()): InteractionFormValues {
  return { kind, direction: 'OUTBOUND', occurredAt: toLocalInput(now.toISOString()), durationMinutes: '', outcome: null, subject: '', body: '', contactId: null };
}

function minutesOf(value: number | string): number | null {
  if (typeof value === 'number') return value;
  if (value.trim() === '') return null;
  const parsed = Number(value);
  return Number.isNaN(parsed) ? Number.NaN : parsed;
}

/** The API's checks, made before a round trip, in the user's language. */
export function validateInteraction(t: TFunction, values: InteractionFormValues): Partial<Record<keyof InteractionFormValues, string | null>> {
  const { kind } = values;
  const when = fromLocalInput(values.occurredAt);
  const minutes = minutesOf(values.durationMinutes);
  return {
    direction: hasDirection(kind) && values.direction === '' ? t('crm.interactions.form.directionRequired') : null,
    occurredAt:
      values.occurredAt.trim() === '' || when === null
        ? t('crm.interactions.form.invalidWhen')
        : new Date(when).getTime() > Date.now() + FUTURE_TOLERANCE_MS
          ? t('crm.interactions.form.future')
          : null,
    durationMinutes:
      hasDuration(kind) && minutes !== null && (!Number.isInteger(minutes) || minutes < 0 || minutes > DURATION_MAX_MINUTES)
        ? t('crm.interactions.form.invalidDuration', { max: DURATION_MAX_MINUTES })
        : null,
    subject: hasSubject(kind) ? optionalText(t, SUBJECT_MAX)(values.subject) : null,
    body: kind === 'NOTE' ? required(t, BODY_MAX)(values.body) : optionalText(t, BODY_MAX)(values.body),
  };
}

/**
 * The values as the API wants them: only the fields this kind has, trimmed, minutes as seconds, the
 * time in ISO. A time left as the form suggested it ("now", to the minute) is left to the API, which
 * takes the exact moment: the entry then sorts after anything else that happened this minute.
 */
export function logInteractionInput(values: InteractionFormValues, subject: HistorySubject, suggestedWhen: string | null = null): LogInteractionInput {
  const { kind } = values;
  const input: LogInteractionInput = { kind };
  if (subject.type === 'CONTACT') input.contactId = subject.id;
  else {
    input.customerId = subject.id;
    if (values.contactId) input.contactId = values.contactId;
  }
  if (hasDirection(kind) && values.direction !== '') input.direction = values.direction;
  const occurredAt = values.occurredAt === suggestedWhen ? null : fromLocalInput(values.occurredAt);
  if (occurredAt) input.occurredAt = occurredAt;
  const minutes = minutesOf(values.durationMinutes);
  if (hasDuration(kind) && minutes !== null && !Number.isNaN(minutes)) input.durationSeconds = Math.round(minutes * 60);
  if (hasOutcome(kind) && values.outcome) input.outcome = values.outcome;
  const subjectLine = hasSubject(kind) ? optional(values.subject) : null;
  if (subjectLine) input.subject = subjectLine;
  const body = optional(values.body);
  if (body) input.body = body;
  return input;
}
