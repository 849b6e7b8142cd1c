import { describe, expect, it } from 'vitest';
import { mergedContact, mergedCustomer, oldestOf, unitedTags, type DuplicateContact, type DuplicateCustomer } from '../../web/src/modules/crm/duplicates/merge-preview.js';

const NO_ADDRESS = { line1: null, line2: null, city: null, postalCode: null, region: null, country: null };

function contact(overrides: Partial<DuplicateContact>): DuplicateContact {
  return {
    id: 'c',
    fullName: 'Ana',
    firstName: 'Ana',
    lastName: null,
    emails: [],
    phones: [],
    customer: null,
    position: null,
    owner: null,
    address: NO_ADDRESS,
    tags: [],
    createdAt: '2025-01-01T00:00:00Z',
    ...overrides,
  };
}

function customer(overrides: Partial<DuplicateCustomer>): DuplicateCustomer {
  return {
    id: 'k',
    name: 'Acme',
    kind: 'ORGANIZATION',
    lifecycleStage: 'LEAD',
    domain: null,
    email: null,
    phone: null,
    owner: null,
    address: NO_ADDRESS,
    source: { channel: null },
    tags: [],
    createdAt: '2025-01-01T00:00:00Z',
    contacts: { totalCount: 0 },
    ...overrides,
  };
}

describe('the merge preview (the API’s rules: the kept record wins, the others fill its gaps)', () => {
  it('keeps the person’s values, fills the gaps in order, and unites addresses, numbers and tags', () => {
    const kept = contact({ id: 'a', lastName: null, emails: [{ address: 'ana@example.com', type: 'WORK' }], phones: [{ number: '+40721111111', type: 'MOBILE' }], tags: ['VIP'], customer: { id: 'x', name: 'Acme' } });
    const first = contact({ id: 'b', firstName: 'Anna', lastName: 'Pop', emails: [{ address: 'ANA@example.com', type: 'HOME' }], phones: [{ number: '+40722222222', type: 'WORK' }], tags: ['vip', 'fair'], customer: { id: 'y', name: 'Other' }, position: { id: 'p', name: 'Buyer' } });
    const second = contact({ id: 'c', lastName: 'Popescu', address: { ...NO_ADDRESS, city: 'Cluj', country: 'RO' } });
    const merged = mergedContact(kept, [first, second]);
    expect(merged.firstName).toBe('Ana');
    expect(merged.lastName).toBe('Pop');
    expect(merged.fullName).toBe('Ana Pop');
    expect(merged.emails.map((e) => e.address)).toEqual(['ana@example.com']);
    expect(merged.phones.map((p) => p.number)).toEqual(['+40721111111', '+40722222222']);
    expect(merged.customer).toEqual({ id: 'x', name: 'Acme' });
    expect(merged.position).toEqual({ id: 'p', name: 'Buyer' });
    expect(merged.address.city).toBe('Cluj');
    expect(merged.tags).toEqual(['VIP', 'fair']);
  });

  it('fills a customer’s contact details, keeps its name and stage, and adds the others’ people', () => {
    const kept = customer({ id: 'a', name: 'Acme SRL', email: 'office@acme.example', contacts: { totalCount: 2 } });
    const other = customer({ id: 'b', name: 'Acme S.R.L.', lifecycleStage: 'CUSTOMER', email: 'sales@acme.example', phone: '+40720000000', domain: 'acme.example', contacts: { totalCount: 3 }, source: { channel: 'EVENT' } });
    const merged = mergedCustomer(kept, [other]);
    expect(merged).toMatchObject({ name: 'Acme SRL', lifecycleStage: 'LEAD', email: 'office@acme.example', phone: '+40720000000', domain: 'acme.example', source: { channel: 'EVENT' }, contacts: { totalCount: 5 } });
  });

  it('suggests keeping the oldest, and unites tags ignoring case', () => {
    expect(oldestOf([contact({ id: 'new', createdAt: '2025-02-01T00:00:00Z' }), contact({ id: 'old', createdAt: '2024-12-01T00:00:00Z' })])?.id).toBe('old');
    expect(unitedTags([['a', 'B'], ['b', 'c']])).toEqual(['a', 'B', 'c']);
  });
});
