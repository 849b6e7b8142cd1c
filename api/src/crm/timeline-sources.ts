import type { Permission } from '../platform/auth/permissions.js';
import type { ServiceContext } from '../platform/context/service-context.js';
import type { ModuleKey } from '../platform/modules/module-manifest.js';

/**
 * Entries another module adds to the CRM's timelines (marketing's delivery events), without the CRM
 * naming the module or its tables: the module registers a select of its own rows, in the columns of
 * the timeline's union `(tenant_id, id, at, entry_kind, ref_id, contact_id, customer_id, deal_id)`,
 * and a field of `TimelineEntry` that loads the item by `ref_id`.
 */
export interface TimelineSource {
  /** The entries show only while this module is switched on... */
  module: ModuleKey;
  /** ...and to a caller holding this permission (a CRM-only API key sees none of them). */
  permission: Permission;
  sql: string;
}

const sources = new Map<string, TimelineSource>();

/** Registers (once, by name) a module's timeline entries; called when the module's manifest loads. */
export function registerTimelineSource(name: string, source: TimelineSource): void {
  sources.set(name, source);
}

/** The sources whose module is on and whose permission the caller holds (tooling without switches: all). */
export function activeTimelineSources(ctx: Pick<ServiceContext, 'modules' | 'principal'>): TimelineSource[] {
  return [...sources.values()].filter(
    (source) => (!ctx.modules || ctx.modules.isEnabled(source.module)) && (!ctx.principal || ctx.principal.permissions.has(source.permission)),
  );
}
