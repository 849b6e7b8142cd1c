import { toGlobalId } from '../../graphql/global-id.js';
import { rowText, type Row } from '../../graphql/keyset.js';
import type { UserNode } from './user.types.js';

/** Select-list columns of a person joined as `users u`, read back by `userFromRow`. */
export const USER_COLUMNS = 'u.id as u_id, u.email as u_email, u.name as u_name, u.email_verified_at as u_verified, u.locale as u_locale';

/** The person of a row that joined `users u` (see USER_COLUMNS), or null when the join found nobody. */
export function userFromRow(row: Row): UserNode | null {
  const id = rowText(row.u_id);
  if (!id) return null;
  return { id: toGlobalId('User', id), email: String(row.u_email), name: rowText(row.u_name), emailVerified: row.u_verified !== null && row.u_verified !== undefined, locale: String(row.u_locale) };
}
