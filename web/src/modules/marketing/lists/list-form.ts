import type { TFunction } from 'i18next';
import type { CreateSubscriptionListInput, SubscriptionListDetailQuery, UpdateSubscriptionListInput } from '../../../gql/graphql.js';
import { optional, optionalText, required } from '../../../lib/validators.js';

/** The API's limits. */
export const LIST_NAME_MAX = 200;
export const LIST_DESCRIPTION_MAX = 2_000;

export interface ListFormValues {
  name: string;
  description: string;
  doubleOptIn: boolean;
}

export type ListDetail = SubscriptionListDetailQuery['subscriptionList'];

/** A new list asks form subscribers to confirm by email, as the API does by default. */
export function emptyList(): ListFormValues {
  return { name: '', description: '', doubleOptIn: true };
}

export function listValues(list: Pick<ListDetail, 'name' | 'description' | 'doubleOptIn'>): ListFormValues {
  return { name: list.name, description: list.description ?? '', doubleOptIn: list.doubleOptIn };
}

/** The API's checks, made before a round trip, in the user's language. */
export function validateList(t: TFunction, values: ListFormValues): Record<keyof ListFormValues, string | null> {
  return { name: required(t, LIST_NAME_MAX)(values.name), description: optionalText(t, LIST_DESCRIPTION_MAX)(values.description), doubleOptIn: null };
}

export function createListInput(values: ListFormValues): CreateSubscriptionListInput {
  return { name: values.name.trim(), description: optional(values.description), doubleOptIn: values.doubleOptIn };
}

/** Every field as the form shows it; an emptied description clears it (the API takes '' for that). */
export function updateListInput(id: string, values: ListFormValues): UpdateSubscriptionListInput {
  return { id, name: values.name.trim(), description: values.description.trim(), doubleOptIn: values.doubleOptIn };
}
