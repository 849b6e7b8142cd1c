import type { CustomFieldEntity } from '../../../gql/graphql';
import { useApiQuery } from '../../../lib/use-api';
import { useCan, useSwitchedOn } from '../../../lib/viewer';
import { CUSTOM_FIELDS } from './custom-field.documents';
import type { CustomFieldDef } from './custom-values';

export const CUSTOM_FIELDS_FEATURE = 'CRM.customFields';

export interface CustomFieldsState {
  /** The feature is on and the viewer reads the CRM: records carry custom values. */
  on: boolean;
  /** The entity's fields in their order; empty while loading or with the feature off. */
  fields: CustomFieldDef[];
  /** The definitions are known (or not wanted): a form may start. */
  ready: boolean;
}

/** The custom fields of customers, people or deals, while the feature is on (asked once a minute at most). */
export function useCustomFields(entity: CustomFieldEntity): CustomFieldsState {
  const switchedOn = useSwitchedOn();
  const can = useCan();
  const on = switchedOn(CUSTOM_FIELDS_FEATURE) && can('CRM:read');
  const query = useApiQuery(CUSTOM_FIELDS, { entity }, { enabled: on, staleTime: 60_000 });
  return { on, fields: on ? (query.data?.customFields ?? []) : [], ready: !on || query.data !== undefined || query.isError };
}
