import { type ClassType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BadUserInputError } from './errors.js';
import { isUuid } from './global-id.js';

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, { name: 'OrderDirection' });

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** A connection whose totalCount runs only when the client asks for it. */
export interface ConnectionResult<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: PromiseLike<number>;
}

/** A promise-like that starts its work only when awaited, so an unselected field costs nothing. */
export function lazy<T>(run: () => Promise<T>): PromiseLike<T> {
  let started: Promise<T> | null = null;
  return {
    then: (onFulfilled, onRejected) => {
      started ??= run();
      return started.then(onFulfilled, onRejected);
    },
  };
}

export function Connection<T extends object>(nodeType: ClassType<T>, name: string): ClassType<ConnectionResult<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType implements ConnectionResult<T> {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    // Lazy: the count query runs only when a client selects this field.
    @Field(() => Int, { description: 'All items matching the filter, across pages.' })
    totalCount!: PromiseLike<number>;
  }
  return ConnectionType;
}

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;


/**
 * A keyset cursor: the order it belongs to, the sort key of the last row and its id, so pages never
 * skip or repeat rows, and a cursor of one order is refused by another.
 */
export interface Cursor {
  order: string;
  key: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.order, cursor.key, cursor.id]), 'utf8').toString('base64url');
}

/** Decodes a cursor for the list's current order; anything else is the client's mistake, never a 500. */
export function decodeCursor(raw: string, path: string[], order: string, keyPattern: RegExp): Cursor {
  const refused = BadUserInputError.field(path, 'is not a cursor this list returned for this order');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw refused;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((part) => typeof part === 'string')) throw refused;
  const [cursorOrder, key, id] = parsed as [string, string, string];
  if (cursorOrder !== order || !isUuid(id) || !keyPattern.test(key)) throw refused;
  return { order, key, id };
}

export function pageSize(first: number | undefined | null): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw BadUserInputError.field(['first'], `must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return size;
}
