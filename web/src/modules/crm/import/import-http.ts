import { ApiError, apiErrorFrom } from '../../../lib/api-error';
import { sessionStore } from '../../../lib/session-store';

/** Which list a file fills in, or an export reads. */
export type ImportEntity = 'CONTACT' | 'CUSTOMER';

/** The answer of an upload or export that failed, as the API's other errors are. */
async function failure(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { errors?: { message?: string; extensions?: Record<string, unknown> }[] };
    if (body.errors?.length) return apiErrorFrom(body.errors, response.headers.get('retry-after'));
  } catch {
    // Not JSON: say what the status says.
  }
  return new ApiError(response.status === 413 ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR', response.statusText);
}

function authorization(): Record<string, string> {
  const token = sessionStore.get();
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** Uploads a CSV file as it is (`POST /crm/imports`); the new import's id. */
export async function uploadCsv(file: File, entity: ImportEntity): Promise<string> {
  const query = new URLSearchParams({ entity, name: file.name });
  let response: Response;
  try {
    response = await fetch(`/crm/imports?${query.toString()}`, { method: 'POST', headers: { 'content-type': 'text/csv', ...authorization() }, body: file });
  } catch (error) {
    throw ApiError.network(error);
  }
  if (!response.ok) throw await failure(response);
  const body = (await response.json()) as { id?: unknown };
  if (typeof body.id !== 'string') throw new ApiError('INTERNAL_SERVER_ERROR', 'No id in the answer');
  return body.id;
}

/** The file name the server gave an export (Content-Disposition), or a fallback. */
function fileNameOf(response: Response, fallback: string): string {
  return /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallback;
}

/**
 * Downloads a list as CSV with this browser's session (`GET /crm/exports/<list>.csv`), filtered and
 * ordered as given, and hands it to the browser as a file.
 */
export async function downloadCsv(list: 'contacts' | 'customers', filter: unknown, orderBy: unknown): Promise<void> {
  const query = new URLSearchParams();
  if (filter) query.set('filter', JSON.stringify(filter));
  if (orderBy) query.set('orderBy', JSON.stringify(orderBy));
  let response: Response;
  try {
    response = await fetch(`/crm/exports/${list}.csv?${query.toString()}`, { headers: authorization() });
  } catch (error) {
    throw ApiError.network(error);
  }
  if (!response.ok) throw await failure(response);
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileNameOf(response, `${list}.csv`);
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // After the click has handed the file over.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
