import type { TypedDocumentString } from '../gql/graphql';
import { ApiError, apiErrorFrom } from './api-error';
import { sessionStore } from './session-store';
import { switchesStore } from './switches-store';

export const SWITCHES_HEADER = 'x-kontor-modules';
export const IDENTITY_HEADER = 'x-kontor-identity';

interface WireResponse<T> {
  data?: T | null;
  errors?: { message?: string; extensions?: Record<string, unknown> }[];
}

/** Sends one operation to the API with this browser's session; throws ApiError on any error. */
export async function request<Result, Variables>(document: TypedDocumentString<Result, Variables>, variables?: Variables): Promise<Result> {
  const token = sessionStore.get();
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
    });
  } catch (error) {
    throw ApiError.network(error);
  }
  // An answer to a request sent by an earlier session says nothing about this one.
  const current = sessionStore.get() === token;
  const identity = response.headers.get(IDENTITY_HEADER);
  if (current && identity !== null) sessionStore.observe(identity);
  const switches = response.headers.get(SWITCHES_HEADER);
  if (current && switches !== null) switchesStore.set(switches);
  let body: WireResponse<Result>;
  try {
    body = (await response.json()) as WireResponse<Result>;
  } catch (error) {
    throw ApiError.network(error);
  }
  if (body.errors?.length) {
    const error = apiErrorFrom(body.errors, response.headers.get('retry-after'));
    // The session ended (logged out elsewhere, password reset): back to the log-in page.
    if (error.code === 'UNAUTHENTICATED' && token && current) sessionStore.set(null);
    throw error;
  }
  if (!body.data) throw new ApiError('INTERNAL_SERVER_ERROR', 'Empty answer');
  return body.data;
}
