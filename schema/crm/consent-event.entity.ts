import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';

export enum ConsentChannel {
  EMAIL = 'EMAIL',
  SMS = 'SMS',
}

export enum ConsentStatus {
  UNKNOWN = 'UNKNOWN',
  GRANTED = 'GRANTED',
  DENIED = 'DENIED',
}

/** Every change of a person's consent, with when, how and by whom: the proof a regulator asks for. */
@Entity({ tableName: 'crm_consent_events' })
@TenantFilter()
@Index({ name: 'crm_consent_events_contact_idx', properties: ['tenantId', 'contactId', 'occurredAt'] })
export class ConsentEvent extends TenantOwnedEntity {
  @Property({ type: 'uuid' })
  contactId!: string;

  @Enum({ items: () => ConsentChannel, nativeEnumName: 'crm_consent_channel' })
  channel!: ConsentChannel;

  @Enum({ items: () => ConsentStatus, nativeEnumName: 'crm_consent_status' })
  status!: ConsentStatus;

  /** How it was given or withdrawn: a form, a call, an import, an unsubscribe link… */
  @Property({ type: 'text' })
  source!: string;

  @Property({ type: 'timestamptz' })
  occurredAt!: Date;

  /** The member who recorded it; null when the person did it themselves. */
  @Property({ type: 'uuid', nullable: true })
  recordedById?: string | null;
}
