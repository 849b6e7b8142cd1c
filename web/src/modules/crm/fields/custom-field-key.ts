import type { TFunction } from 'i18next';

/** The API's limit on keys of fields and of options. */
export const KEY_MAX = 40;
/** The API's limits on labels. */
export const LABEL_MAX = 100;
export const MAX_OPTIONS = 200;

/** The API's shape of a key: lower-case letters, digits and _, starting with a letter, at most 40. */
const KEY = /^[a-z][a-z0-9_]{0,39}$/;

export function isKey(value: string): boolean {
  return KEY.test(value);
}

/**
 * A key made from a label, as a person would write it: "Annual budget (€)" → "annual_budget",
 * "Città" → "citta". Letters without a Latin form give nothing (the key is then typed); a label
 * starting with a digit gets `prefix` in front ("2nd phone" → "field_2nd_phone").
 */
export function keyFromLabel(label: string, prefix = 'field'): string {
  const base = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[æ]/g, 'ae')
    .replace(/[ø]/g, 'o')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (base === '') return '';
  const key = /^[a-z]/.test(base) ? base : `${prefix}_${base}`;
  return key.slice(0, KEY_MAX).replace(/_+$/, '');
}

/** `base`, or `base_2`, `base_3`… when it is taken. */
export function uniqueKey(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = `_${n}`;
    const candidate = `${base.slice(0, KEY_MAX - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The API's check of a key, in the user's language. */
export function keyError(t: TFunction, value: string): string | null {
  const key = value.trim();
  if (key === '') return t('errors.reason.REQUIRED');
  return isKey(key) ? null : t('fields.errors.key', { max: KEY_MAX });
}
