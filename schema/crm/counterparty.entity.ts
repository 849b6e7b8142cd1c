import { Embedded, Entity, Index, Property, type Opt } from '@mikro-orm/core';
import { Address } from '../shared/address.embeddable.js';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';

export interface BankAccount {
  iban: string;
  bic: string | null;
  bankName: string | null;
  currency: string | null;
}

/**
 * A legal entity a customer buys through. A customer may change legal entity (a new firm, a merger)
 * without its history breaking: the old counterparty gets `validTo`, a new one starts.
 */
@Entity({ tableName: 'crm_counterparties' })
@TenantFilter()
@Index({ name: 'crm_counterparties_customer_idx', properties: ['tenantId', 'customerId', 'validFrom'] })
@Index({ name: 'crm_counterparties_tax_id_idx', properties: ['tenantId', 'taxId'] })
export class Counterparty extends TenantOwnedEntity {
  @Property({ type: 'uuid' })
  customerId!: string;

  @Property({ type: 'text' })
  legalName!: string;

  /** VAT or tax identification number, as printed on invoices. */
  @Property({ type: 'text', nullable: true })
  taxId?: string | null;

  /** Trade register number. */
  @Property({ type: 'text', nullable: true })
  registrationNumber?: string | null;

  @Embedded({ entity: () => Address, prefix: 'legal_address_' })
  legalAddress: Opt<Address> = new Address();

  @Property({ type: 'jsonb' })
  bankAccounts: Opt<BankAccount[]> = [];

  @Property({ type: 'date', nullable: true })
  validFrom?: string | null;

  /** Null while the customer still buys through it. */
  @Property({ type: 'date', nullable: true })
  validTo?: string | null;
}
