import type { TFunction } from 'i18next';

/** Client-side checks matching the API's, so most mistakes are caught before a round trip. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;
export const NAME_MAX = 200;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const E164 = /^\+[1-9]\d{6,14}$/;

export type Check = (value: string) => string | null;

export function required(t: TFunction, max = NAME_MAX): Check {
  return (value) => (value.trim().length === 0 ? t('errors.reason.REQUIRED') : value.trim().length > max ? t('errors.reason.TOO_LONG', { max }) : null);
}

export function optionalText(t: TFunction, max = NAME_MAX): Check {
  return (value) => (value.trim().length > max ? t('errors.reason.TOO_LONG', { max }) : null);
}

export function email(t: TFunction, optional = false): Check {
  return (value) => {
    if (value.trim() === '') return optional ? null : t('errors.reason.REQUIRED');
    return EMAIL.test(value.trim()) ? null : t('errors.reason.INVALID_EMAIL');
  };
}

export function phone(t: TFunction): Check {
  return (value) => (value.trim() === '' || E164.test(value.replace(/[\s().-]/g, '')) ? null : t('errors.reason.INVALID_PHONE'));
}

export function newPassword(t: TFunction): Check {
  return (value) => (value.length < PASSWORD_MIN ? t('errors.reason.TOO_SHORT', { min: PASSWORD_MIN }) : value.length > PASSWORD_MAX ? t('errors.reason.TOO_LONG', { max: PASSWORD_MAX }) : null);
}

/** A phone number as the API wants it: E.164 without spaces or punctuation. */
export function normalisePhone(value: string): string | null {
  const compact = value.replace(/[\s().-]/g, '');
  return compact === '' ? null : compact;
}

/** An optional text field: empty means "none" (null), never an empty string. */
export function optional(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
