import { Entity, Index, Property } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';

/**
 * A sales process: its stages in order. A tenant may run several (new business, renewals,
 * partnerships); the first one is where a deal goes when none is named.
 */
@Entity({ tableName: 'crm_pipelines' })
@TenantFilter()
@Index({ name: 'crm_pipelines_name_key', expression: `create unique index "crm_pipelines_name_key" on "crm_pipelines" ("tenant_id", lower(name))` })
@Index({ name: 'crm_pipelines_position_idx', properties: ['tenantId', 'position'] })
export class Pipeline extends TenantOwnedEntity {
  /** Stored as the tenant typed it (the default one is created in English and renamed at will). */
  @Property({ type: 'text' })
  name!: string;

  /** Order among the tenant's pipelines, dense from 0. */
  @Property({ type: 'integer' })
  position!: number;
}
