import type { EntityManager } from '@mikro-orm/postgresql';
import type DataLoader from 'dataloader';
import type { Logger } from 'pino';
import { UnauthenticatedError } from '../../graphql/errors.js';
import type { App } from '../app.js';
import type { DomainEvent } from '../events/domain-event.js';
import { deliverEvents } from '../events/event-bus.js';
import type { TenantModules } from '../modules/tenant-modules.js';
import type { Principal, ServiceContext } from './service-context.js';
import { TenantScope } from './tenant-scope.js';

export interface RequestMeta {
  requestId: string;
  ip: string;
  userAgent: string | null;
  bearer: string | null;
  /** Filled once the caller is known, for the request's log line. */
  tenantId?: string;
}

export interface Authentication {
  principal: Principal;
  modules: TenantModules;
  /** The transaction opened while authenticating; the request goes on in it. */
  scope: TenantScope;
}

/**
 * One GraphQL request: who is calling, and one tenant transaction shared by all its resolvers.
 * It commits only when the response carries no error: a request is all or nothing, so a mutation
 * that fails midway (or a later mutation of the same document) leaves no half-written data.
 */
export class RequestContext implements ServiceContext {
  readonly log: Logger;
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();
  // Held in an object: Apollo hands resolvers a shallow copy of the context, and all copies must share it.
  private readonly transaction: { scope: TenantScope | null; afterCommit: (() => Promise<void>)[]; events: DomainEvent[] };
  /**
   * Set when the response carries an error (the transaction is then rolled back), and whether the
   * operation is a query (it writes nothing, so its answer goes out before the transaction ends). An
   * object, because Apollo hands plugins a shallow copy of the context.
   */
  readonly outcome = { failed: false, query: false };

  constructor(
    readonly app: App,
    readonly meta: RequestMeta,
    private readonly auth: Authentication | null,
  ) {
    this.transaction = { scope: auth?.scope ?? null, afterCommit: [], events: [] };
    this.log = app.log.child({ requestId: meta.requestId, tenantId: auth?.principal.tenantId, userId: auth?.principal.userId ?? undefined });
  }

  get requestId(): string {
    return this.meta.requestId;
  }

  get principal(): Principal | null {
    return this.auth?.principal ?? null;
  }

  get modules(): TenantModules | null {
    return this.auth?.modules ?? null;
  }

  get tenantId(): string {
    const principal = this.principal;
    if (!principal) throw new UnauthenticatedError();
    return principal.tenantId;
  }

  async em(): Promise<EntityManager> {
    const principal = this.principal;
    if (!principal) throw new UnauthenticatedError();
    this.transaction.scope ??= await TenantScope.open(this.app.orm, principal.tenantId, principal.userId);
    return this.transaction.scope.em;
  }

  /** A per-request DataLoader, so nested fields of a list load in one query. */
  loader<V>(name: string, create: () => DataLoader<string, V>): DataLoader<string, V> {
    let loader = this.loaders.get(name) as DataLoader<string, V> | undefined;
    if (!loader) {
      loader = create();
      this.loaders.set(name, loader as DataLoader<string, unknown>);
    }
    return loader;
  }

  /**
   * Work that must happen only once the request's writes are committed (enqueueing an email about
   * them); dropped when the request rolls back.
   */
  afterCommit(work: () => Promise<void>): void {
    this.transaction.afterCommit.push(work);
  }

  /** An event for other modules, delivered after the commit (dropped with a rollback). */
  publish(event: DomainEvent): void {
    this.transaction.events.push(event);
  }

  /** Ends the request's transaction: commit, or roll back when the request failed as a whole. */
  async finish(commit: boolean): Promise<void> {
    const { scope, afterCommit, events } = this.transaction;
    this.transaction.scope = null;
    this.transaction.afterCommit = [];
    this.transaction.events = [];
    if (scope) {
      if (commit) await scope.commit();
      else await scope.rollback();
    }
    if (!commit) return;
    for (const work of afterCommit) {
      // The writes stand; a failure here is logged (the queue is down), not turned into a failed request.
      await work().catch((error: unknown) => this.log.error({ err: error }, 'after-commit work failed'));
    }
    const principal = this.principal;
    if (principal && events.length > 0) await deliverEvents(this.app, principal.tenantId, this.modules, events);
  }
}
