import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';

/**
 * A step of a pipeline. `probability` is the chance (0–100) a deal in this stage is won, unless the
 * deal says otherwise; a deal left `rottingDays` without activity is rotting.
 * `(tenant_id, pipeline_id, id)` is unique so a deal's reference to its stage also pins its pipeline.
 */
@Entity({ tableName: 'crm_pipeline_stages' })
@TenantFilter()
@Unique({ name: 'crm_pipeline_stages_pipeline_key', properties: ['tenantId', 'pipelineId', 'id'] })
@Index({ name: 'crm_pipeline_stages_position_idx', properties: ['tenantId', 'pipelineId', 'position'] })
@Index({
  name: 'crm_pipeline_stages_name_key',
  expression: `create unique index "crm_pipeline_stages_name_key" on "crm_pipeline_stages" ("tenant_id", "pipeline_id", lower(name))`,
})
export class PipelineStage extends TenantOwnedEntity {
  @Property({ type: 'uuid' })
  pipelineId!: string;

  @Property({ type: 'text' })
  name!: string;

  /** Order inside the pipeline, dense from 0. */
  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'smallint' })
  probability!: number;

  /** Null: deals here never rot. */
  @Property({ type: 'integer', nullable: true })
  rottingDays?: number | null;
}
