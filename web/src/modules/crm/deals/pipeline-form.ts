import type { TFunction } from 'i18next';
import { required } from '../../../lib/validators';

export const NAME_MAX = 100;
export const ITEM_TITLE_MAX = 300;
export const ROTTING_DAYS_MAX = 3650;

export interface StageFormValues {
  name: string;
  /** 0 to 100. */
  probability: number | string;
  /** 1 to 3650, or '' for never. */
  rottingDays: number | string;
}

function numberOf(value: number | string): number | null {
  if (typeof value === 'number') return value;
  if (value.trim() === '') return null;
  const parsed = Number(value);
  return Number.isNaN(parsed) ? Number.NaN : parsed;
}

export function validateStage(t: TFunction, values: StageFormValues): Partial<Record<keyof StageFormValues, string | null>> {
  const probability = numberOf(values.probability);
  const rotting = numberOf(values.rottingDays);
  return {
    name: required(t, NAME_MAX)(values.name),
    probability:
      probability === null ? t('errors.reason.REQUIRED') : !Number.isInteger(probability) || probability < 0 || probability > 100 ? t('errors.reason.OUT_OF_RANGE', { min: 0, max: 100 }) : null,
    rottingDays: rotting !== null && (!Number.isInteger(rotting) || rotting < 1 || rotting > ROTTING_DAYS_MAX) ? t('errors.reason.OUT_OF_RANGE', { min: 1, max: ROTTING_DAYS_MAX }) : null,
  };
}

/** The stage as the API wants it: the probability a whole number, no rotting days as null. */
export function stageInput(values: StageFormValues): { name: string; probability: number; rottingDays: number | null } {
  return { name: values.name.trim(), probability: numberOf(values.probability) ?? 0, rottingDays: numberOf(values.rottingDays) };
}

/** The ids in a new order: the one at `index` swapped with its neighbour above (-1) or below (1). */
export function swapped<T>(list: T[], index: number, direction: -1 | 1): T[] {
  const other = index + direction;
  if (other < 0 || other >= list.length) return list;
  const next = [...list];
  const a = next[index];
  const b = next[other];
  if (a === undefined || b === undefined) return list;
  next[index] = b;
  next[other] = a;
  return next;
}
