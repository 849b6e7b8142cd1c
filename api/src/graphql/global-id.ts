import { BadUserInputError, NotFoundError } from './errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Ids on the wire are opaque: base64url of `<Type>:<uuid>`, so one type's id never passes as another's. */
export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

/**
 * Decodes an id the client sent. A malformed id is bad input (with its field path); a well-formed
 * id of another type is simply not found, exactly as an id of another tenant is.
 */
export function fromGlobalId(type: string, globalId: string, path: string[]): string {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const separator = decoded.indexOf(':');
  const kind = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (separator < 1 || !isUuid(id)) throw BadUserInputError.field(path, 'is not a valid id');
  if (kind !== type) throw new NotFoundError(type);
  return id;
}
