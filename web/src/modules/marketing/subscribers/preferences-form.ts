import type { SubscriberPageQuery, UpdatePreferencesInput } from '../../../gql/graphql.js';

export type SubscriberPage = SubscriberPageQuery['unsubscribePage'];

export interface PreferenceValues {
  /** The lists to stay on (or join); the person's other lists are left. */
  listIds: string[];
  /** Campaign emails welcome; null when the company no longer has the person on record (nothing to choose). */
  email: boolean | null;
  /** Campaign texts welcome; null when there is no number on record. */
  sms: boolean | null;
}

/** A channel counts as wanted only with consent and no unsubscribe of the address the message went to. */
function wanted(consent: SubscriberPage['emailConsent'], blocked: boolean): boolean | null {
  if (consent === null || consent === undefined) return null;
  return consent === 'GRANTED' && !blocked;
}

/**
 * The choices as the page stands. A list waiting for confirmation starts unticked: ticking it is
 * the confirmation, never a box ticked for the person.
 */
export function preferenceValues(page: SubscriberPage): PreferenceValues {
  return {
    listIds: page.lists.filter((list) => list.status === 'SUBSCRIBED').map((list) => list.id),
    email: wanted(page.emailConsent, page.channel === 'EMAIL' && page.unsubscribed),
    sms: wanted(page.smsConsent, page.channel === 'SMS' && page.unsubscribed),
  };
}

function sameLists(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

/** Whether saving would change anything. */
export function preferencesChanged(page: SubscriberPage, values: PreferenceValues): boolean {
  const initial = preferenceValues(page);
  return !sameLists(initial.listIds, values.listIds) || initial.email !== values.email || initial.sms !== values.sms;
}

/**
 * What to save: the lists ticked (only the page's own), and a channel's consent only when the person
 * changed it, so that a consent never given is not turned into a refusal by saving the lists.
 */
export function preferencesInput(token: string, page: SubscriberPage, values: PreferenceValues): UpdatePreferencesInput {
  const initial = preferenceValues(page);
  const known = new Set(page.lists.map((list) => list.id));
  return {
    token,
    listIds: values.listIds.filter((id) => known.has(id)),
    ...(values.email !== null && values.email !== initial.email ? { emailConsent: values.email } : {}),
    ...(values.sms !== null && values.sms !== initial.sms ? { smsConsent: values.sms } : {}),
  };
}
