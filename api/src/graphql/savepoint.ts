import type { MiddlewareFn } from 'type-graphql';
import type { RequestContext } from '../platform/context/request-context.js';

let counter = 0;

/**
 * Each top-level mutation of an authenticated request runs in a savepoint of the request's
 * transaction: a mutation that fails midway leaves nothing behind, while the mutations before it
 * in the same document keep their (reported) effects.
 */
export const mutationSavepoint: MiddlewareFn<RequestContext> = async ({ context, info }, next) => {
  if (info.parentType.name !== 'Mutation' || info.path.prev !== undefined || !context.principal) return next();
  const em = await context.em();
  const name = `mutation_${++counter}`;
  await em.execute(`savepoint ${name}`);
  try {
    const result: unknown = await next();
    await em.flush();
    await em.execute(`release savepoint ${name}`);
    return result;
  } catch (error) {
    await em.execute(`rollback to savepoint ${name}`);
    // Entities changed in memory by the failed mutation must not be flushed by a later one.
    em.clear();
    throw error;
  }
};
