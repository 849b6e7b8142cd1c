import { Entity, Enum, Index, Property, type Opt } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';

/** What a custom field can be attached to. */
export enum CustomFieldEntity {
  CUSTOMER = 'CUSTOMER',
  CONTACT = 'CONTACT',
  DEAL = 'DEAL',
}

export enum CustomFieldType {
  TEXT = 'TEXT',
  /** A whole number. */
  NUMBER = 'NUMBER',
  /** An exact decimal number (money, weights). */
  DECIMAL = 'DECIMAL',
  DATE = 'DATE',
  BOOLEAN = 'BOOLEAN',
  SELECT = 'SELECT',
  MULTI_SELECT = 'MULTI_SELECT',
}

export interface CustomFieldOption {
  /** Stable: stored in the records, so a label can be renamed without touching them. */
  key: string;
  label: string;
}

/**
 * A field a tenant adds to customers, contacts or deals. Values live in the record's
 * `custom_fields` jsonb under `key`: text, whole numbers as JSON numbers, decimals as strings,
 * dates as YYYY-MM-DD, booleans, option keys (an array of them for multi-select).
 */
@Entity({ tableName: 'crm_custom_fields' })
@TenantFilter()
@Index({ name: 'crm_custom_fields_key', expression: `create unique index "crm_custom_fields_key" on "crm_custom_fields" ("tenant_id", "entity", "key")` })
export class CustomField extends TenantOwnedEntity {
  @Enum({ items: () => CustomFieldEntity, nativeEnumName: 'crm_custom_field_entity' })
  entity!: CustomFieldEntity;

  @Property({ type: 'text' })
  key!: string;

  @Property({ type: 'text' })
  label!: string;

  @Enum({ items: () => CustomFieldType, nativeEnumName: 'crm_custom_field_type' })
  type!: CustomFieldType;

  @Property({ type: 'jsonb' })
  options: Opt<CustomFieldOption[]> = [];

  @Property({ type: 'boolean' })
  required: Opt<boolean> = false;

  @Property({ type: 'integer' })
  position: Opt<number> = 0;
}
