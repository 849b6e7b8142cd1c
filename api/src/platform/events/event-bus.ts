import type { App } from '../app.js';
import type { ServiceContext } from '../context/service-context.js';
import type { TenantModules } from '../modules/tenant-modules.js';
import type { DomainEvent } from './domain-event.js';

/**
 * Records an event in the caller's unit of work; subscribers hear of it only once that work is
 * committed (a rolled-back request raised nothing). A context that carries no unit of work for
 * events (a CSV import's batches, a dry run) publishes nothing.
 */
export function publishEvent(ctx: ServiceContext, event: DomainEvent): void {
  ctx.publish?.(event);
}

/**
 * Hands committed events to the modules that subscribe to their kinds and are switched on for the
 * tenant (a switched-off module is gone from the company: it does not react). A subscriber only
 * queues its own work; a failure is logged and never undoes what was committed.
 */
export async function deliverEvents(app: App, tenantId: string, modules: TenantModules | null, events: readonly DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  for (const manifest of app.registry.manifests) {
    const subscriber = manifest.events;
    if (!subscriber || !modules?.isEnabled(manifest.key)) continue;
    const heard = events.filter((event) => subscriber.kinds.includes(event.kind));
    if (heard.length === 0) continue;
    await subscriber.deliver(app, tenantId, heard).catch((error: unknown) => app.log.error({ err: error, tenantId, module: manifest.key }, 'event subscriber failed'));
  }
}
