import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { App } from '../platform/app.js';
import type { ServiceContext } from '../platform/context/service-context.js';
import { inTenant } from '../platform/context/tenant-scope.js';
import type { DomainEvent } from '../platform/events/domain-event.js';
import { deliverEvents } from '../platform/events/event-bus.js';
import { loadTenantModules } from '../platform/modules/module.service.js';
import type { TenantModules } from '../platform/modules/tenant-modules.js';

/**
 * A person acting without an account (a subscriber following a link, Twilio relaying an SMS) in one
 * tenant, named by a signed or secret token. No principal: consent they change is recorded as their
 * own (no member recorded it), and nothing that needs a permission can run.
 */
export class PublicContext implements ServiceContext {
  readonly principal = null;
  readonly events: DomainEvent[] = [];

  constructor(
    readonly requestId: string,
    readonly log: Logger,
    readonly tenantId: string,
    readonly modules: TenantModules,
    private readonly entityManager: EntityManager,
  ) {}

  em(): Promise<EntityManager> {
    return Promise.resolve(this.entityManager);
  }

  publish(event: DomainEvent): void {
    this.events.push(event);
  }
}

/**
 * Runs `fn` in its own transaction of the tenant (row-level security set to it), committed on
 * success; what it published (a person the form created) reaches other modules after the commit.
 */
export async function inPublicTenant<T>(app: App, tenantId: string, requestId: string, fn: (ctx: PublicContext) => Promise<T>): Promise<T> {
  const { result, ctx } = await inTenant(app.orm, tenantId, null, async (em) => {
    const modules = await loadTenantModules(em, app.registry);
    const context = new PublicContext(requestId, app.log.child({ requestId, tenantId }), tenantId, modules, em);
    return { result: await fn(context), ctx: context };
  });
  await deliverEvents(app, tenantId, ctx.modules, ctx.events);
  return result;
}
