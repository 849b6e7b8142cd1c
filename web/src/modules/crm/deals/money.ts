import { Decimal } from 'decimal.js';

export interface Money {
  amount: string;
  currency: string;
}

/**
 * Sums per currency with one amount added (sign 1) or taken away (sign -1), exactly (decimal.js, never
 * a float); a currency whose sum reaches zero is left out, as the API leaves it out of a total.
 */
export function addMoney(totals: Money[], money: Money | null | undefined, sign: 1 | -1 = 1): Money[] {
  if (!money) return totals;
  let found = false;
  const next = totals.flatMap((total) => {
    if (total.currency !== money.currency) return [total];
    found = true;
    const sum = new Decimal(total.amount).plus(new Decimal(money.amount).times(sign));
    return sum.isZero() ? [] : [{ amount: sum.toFixed(), currency: total.currency }];
  });
  if (!found && sign === 1) next.push({ amount: money.amount, currency: money.currency });
  return next.sort((a, b) => a.currency.localeCompare(b.currency));
}

/** Decimals an amount in `currency` may have (2 for EUR, 0 for JPY), as the API checks. */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * An amount as typed ("12 500,50", "12,500.50", "12.500,50", "12500.5") as the API's decimal string,
 * or null when it is not a plain non-negative number. The last of "." and "," is the decimal
 * separator, the other one groups thousands; one that appears twice only groups thousands.
 */
export function parseAmount(typed: string): string | null {
  const compact = typed.replace(/[\s\u00a0\u202f']/g, '');
  if (compact === '') return null;
  const lastDot = compact.lastIndexOf('.');
  const lastComma = compact.lastIndexOf(',');
  let normal = compact;
  if (lastDot >= 0 || lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const grouping = decimal === '.' ? ',' : '.';
    normal = normal.split(grouping).join('');
    normal = normal.split(decimal).length > 2 ? normal.split(decimal).join('') : normal.replace(decimal, '.');
  }
  if (!/^\d+(\.\d+)?$/.test(normal)) return null;
  return new Decimal(normal).toFixed();
}

/** How many decimals a decimal string has. */
export function decimalsOf(amount: string): number {
  return new Decimal(amount).decimalPlaces();
}
