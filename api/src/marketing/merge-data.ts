import { customValuesOf } from '../crm/custom-field.service.js';
import { rowText, type Row } from '../graphql/keyset.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { MergeData } from './render.js';

/**
 * What merge fields read, selected beside a person row `c` (with their customer `cu` and company
 * `tn` joined): one query serves a batch of recipients.
 */
export const MERGE_COLUMNS = `c.first_name as m_first_name, c.last_name as m_last_name, c.email as m_email, c.phone as m_phone,
  c.custom_fields as m_custom, cu.name as m_customer_name, cu.custom_fields as m_customer_custom, tn.name as m_company`;

export const MERGE_JOINS = `left join crm_customers cu on cu.tenant_id = c.tenant_id and cu.id = c.customer_id
  join tenants tn on tn.id = c.tenant_id`;

export function mergeDataFromRow(row: Row, links: { unsubscribe: string; preferences: string }): MergeData {
  const firstName = String(row.m_first_name ?? '');
  const lastName = rowText(row.m_last_name);
  const customerName = rowText(row.m_customer_name);
  return {
    contact: {
      firstName,
      lastName,
      fullName: lastName ? `${firstName} ${lastName}` : firstName,
      email: rowText(row.m_email),
      phone: rowText(row.m_phone),
      custom: customValuesOf(row.m_custom),
    },
    customer: customerName === null ? null : { name: customerName, custom: customValuesOf(row.m_customer_custom) },
    company: { name: String(row.m_company ?? '') },
    unsubscribe_url: links.unsubscribe,
    preferences_url: links.preferences,
  };
}

/** One person's merge data (previews, test sends); null when there is no such person in the company. */
export async function mergeDataOfContact(
  em: EntityManager,
  tenantId: string,
  contactId: string,
  links: { unsubscribe: string; preferences: string },
): Promise<MergeData | null> {
  const rows = await em.execute<Row[]>(`select ${MERGE_COLUMNS} from crm_contacts c ${MERGE_JOINS} where c.tenant_id = ? and c.id = ?`, [tenantId, contactId]);
  const row = rows[0];
  return row ? mergeDataFromRow(row, links) : null;
}
