import { ApiError } from '../../../lib/api-error';

/** The item asked for does not exist in this company (or its id is not an id at all). */
export function isMissing(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.code === 'NOT_FOUND') return true;
  // A mangled id in the address: `id` is the only input of a detail query.
  return error.code === 'BAD_USER_INPUT' && error.field === 'id';
}
