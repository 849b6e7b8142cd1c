import { Embeddable, Property } from '@mikro-orm/core';

/** A postal address in parts, so it can be validated, sorted, filtered and printed per country. */
@Embeddable()
export class Address {
  /** ISO 3166-1 alpha-2, upper case. Every other part needs it. */
  @Property({ type: 'text', nullable: true })
  country?: string | null;

  @Property({ type: 'text', nullable: true })
  region?: string | null;

  @Property({ type: 'text', nullable: true })
  city?: string | null;

  @Property({ type: 'text', nullable: true })
  postalCode?: string | null;

  @Property({ type: 'text', nullable: true })
  line1?: string | null;

  @Property({ type: 'text', nullable: true })
  line2?: string | null;
}
