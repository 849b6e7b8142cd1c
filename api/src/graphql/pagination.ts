import { type ClassType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BadUserInputError } from './errors.js';

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


/** A keyset cursor: the sort key of the last row and its id, so pages never skip or repeat rows. */
export interface Cursor {
  key: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id]), 'utf8').toString('base64url');
}

export function decodeCursor(raw: string, path: string[]): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      return { key: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw BadUserInputError.field(path, 'is not a cursor this list returned');
}

export function pageSize(first: number | undefined | null): number {
  const size = first ?? 50;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw BadUserInputError.field(['first'], `must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return size;
}
