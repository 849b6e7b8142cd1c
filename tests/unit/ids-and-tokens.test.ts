import { describe, expect, it } from 'vitest';
import { Kind } from 'graphql';
import { fromGlobalId, toGlobalId } from '../../api/src/graphql/global-id.js';
import { decodeCursor, encodeCursor } from '../../api/src/graphql/pagination.js';
import { DecimalScalar, PhoneNumberScalar } from '../../api/src/graphql/scalars.js';
import { likePattern } from '../../api/src/graphql/keyset.js';
import { composeTenantToken, parseTenantToken, sha256 } from '../../api/src/platform/auth/tokens.js';
import { canGrantRole, permissionsOfRole } from '../../api/src/platform/auth/permissions.js';
import { Role } from '../../schema/platform/membership.entity.js';
import { AppError } from '../../api/src/graphql/errors.js';

const UUID = '01a20603-5d5d-7197-8473-e818b08e5d20';

function code(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
  return 'no error';
}

describe('opaque ids', () => {
  it('round-trips and refuses ids of another type as not found', () => {
    const id = toGlobalId('Contact', UUID);
    expect(id).not.toContain(UUID);
    expect(fromGlobalId('Contact', id, ['id'])).toBe(UUID);
    expect(code(() => fromGlobalId('Company', id, ['id']))).toBe('NOT_FOUND');
    expect(code(() => fromGlobalId('Contact', 'garbage', ['input', 'id']))).toBe('BAD_USER_INPUT');
  });

  it('cursors round-trip, and reject tampering and other orders', () => {
    const any = /^.*$/;
    const cursor = encodeCursor({ order: 'NAME:ASC', key: 'ana pop', id: UUID });
    expect(decodeCursor(cursor, ['after'], 'NAME:ASC', any)).toEqual({ order: 'NAME:ASC', key: 'ana pop', id: UUID });
    expect(code(() => decodeCursor(cursor, ['after'], 'CREATED_AT:DESC', any))).toBe('BAD_USER_INPUT');
    expect(code(() => decodeCursor(cursor, ['after'], 'NAME:ASC', /^\d+$/))).toBe('BAD_USER_INPUT');
    expect(code(() => decodeCursor(encodeCursor({ order: 'NAME:ASC', key: 'x', id: 'not-a-uuid' }), ['after'], 'NAME:ASC', any))).toBe('BAD_USER_INPUT');
    expect(code(() => decodeCursor('bm90IGpzb24', ['after'], 'NAME:ASC', any))).toBe('BAD_USER_INPUT');
  });
});

describe('tokens', () => {
  it('tenant tokens carry tenant and row, and nothing else parses', () => {
    const token = composeTenantToken('ktk_', UUID, UUID.replace('01a2', 'ffff'), 'a'.repeat(43));
    expect(parseTenantToken('ktk_', token)).toEqual({ tenantId: UUID, rowId: UUID.replace('01a2', 'ffff'), secret: 'a'.repeat(43) });
    expect(parseTenantToken('ktk_', token.replace('ktk_', 'kti_'))).toBeNull();
    expect(parseTenantToken('ktk_', `${token}!`)).toBeNull();
    expect(sha256('x')).toHaveLength(64);
  });
});

describe('scalars', () => {
  it('Decimal is exact and string-only', () => {
    expect(DecimalScalar.serialize(DecimalScalar.parseValue('0.1')).toString()).toBe('0.1');
    expect(DecimalScalar.parseValue('123456789012345678901234567890.123456789').toFixed()).toBe('123456789012345678901234567890.123456789');
    expect(() => DecimalScalar.parseValue(0.1)).toThrow(/string/);
    expect(() => DecimalScalar.parseLiteral({ kind: Kind.FLOAT, value: '0.1' })).toThrow(/string/);
  });

  it('PhoneNumber accepts E.164 only', () => {
    expect(PhoneNumberScalar.parseValue('+40721234567')).toBe('+40721234567');
    for (const bad of ['0721234567', '+40 721 234 567', '40721234567', '+40721', '+1555']) expect(() => PhoneNumberScalar.parseValue(bad), bad).toThrow();
  });

  it('search text is matched literally', () => {
    expect(likePattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});

describe('roles', () => {
  it('map to module permissions', () => {
    expect(permissionsOfRole(Role.VIEWER).has('CRM:write')).toBe(false);
    expect(permissionsOfRole(Role.AGENT).has('CRM:write')).toBe(true);
    expect(permissionsOfRole(Role.AGENT).has('ACCOUNTING:write')).toBe(false);
    expect(permissionsOfRole(Role.MANAGER).has('users:manage')).toBe(false);
    expect(permissionsOfRole(Role.ADMIN).has('apikeys:manage')).toBe(true);
  });

  it('only owners grant ownership', () => {
    expect(canGrantRole(Role.ADMIN, Role.OWNER)).toBe(false);
    expect(canGrantRole(Role.OWNER, Role.OWNER)).toBe(true);
    expect(canGrantRole(Role.ADMIN, Role.MANAGER)).toBe(true);
    expect(canGrantRole(Role.MANAGER, Role.VIEWER)).toBe(false);
  });
});
