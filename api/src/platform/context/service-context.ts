import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Permission } from '../auth/permissions.js';
import type { DomainEvent } from '../events/domain-event.js';
import type { Role } from '../../../../schema/platform/membership.entity.js';
import type { TenantModules } from '../modules/tenant-modules.js';

export interface Principal {
  kind: 'session' | 'apiKey';
  tenantId: string;
  userId: string | null;
  sessionId: string | null;
  apiKeyId: string | null;
  role: Role | null;
  permissions: ReadonlySet<Permission>;
  /** The company limits this member's role to their own CRM records (absent: not limited). */
  ownRecordsOnly?: boolean;
}

/**
 * What every service method receives first: who acts, for which tenant, and the tenant-scoped
 * EntityManager (inside a transaction whose `app.tenant_id` drives row-level security).
 */
export interface ServiceContext {
  readonly requestId: string;
  readonly log: Logger;
  readonly tenantId: string;
  readonly principal: Principal | null;
  /** The tenant's module and feature switches as read at the start of the request or job. */
  readonly modules: TenantModules | null;
  em(): Promise<EntityManager>;
  /**
   * Records an event for other modules, delivered once this unit of work commits (see
   * platform/events). Absent where nothing listens (a CSV import's batches): call `publishEvent`.
   */
  publish?(event: DomainEvent): void;
}
