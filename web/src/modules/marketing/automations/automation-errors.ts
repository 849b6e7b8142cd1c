import type { TFunction } from 'i18next';
import { notifications } from '@mantine/notifications';
import { ApiError } from '../../../lib/api-error';
import { errorMessage } from '../../../lib/error-message';
import { showApiError } from '../../../lib/form-errors';
import { AUTOMATION_FORM_FIELDS } from './automation-form';

/** A conflict with the automation's rules, in the user's words; null for any other error. */
function conflictOf(t: TFunction, error: unknown): { message: string; onSteps: boolean } | null {
  if (!(error instanceof ApiError) || error.code !== 'CONFLICT') return null;
  const reason = error.problems[0]?.reason;
  if (reason === 'IN_USE') return { message: t('automations.errors.IN_USE'), onSteps: true };
  if (reason === 'INVALID_STATE') return { message: t('automations.errors.INVALID_STATE'), onSteps: false };
  return null;
}

/**
 * Any error of an automation's change in a sentence: its own rules in its own words; a refusal of
 * the automation as a whole (on activation: something it relies on is gone) said as such; else as
 * everywhere.
 */
export function automationErrorMessage(t: TFunction, error: unknown): string {
  const conflict = conflictOf(t, error);
  if (conflict) return conflict.message;
  if (error instanceof ApiError && error.code === 'BAD_USER_INPUT' && error.field === 'id') return t('automations.errors.cannotActivate');
  return errorMessage(t, error);
}

interface FormTarget {
  setFieldError: (path: string, error: string) => void;
  values: object;
}

/**
 * Shows a refusal where it belongs: a field's on that field of the builder (a step's on that step),
 * "people went through these steps" on the steps, anything else as a notification.
 */
export function showAutomationError(t: TFunction, error: unknown, form?: FormTarget): void {
  const conflict = conflictOf(t, error);
  if (conflict && form && conflict.onSteps) {
    form.setFieldError('steps', conflict.message);
    return;
  }
  if (form && !conflict) {
    showApiError(t, error, form, AUTOMATION_FORM_FIELDS);
    return;
  }
  notifications.show({ color: 'red', title: t('errors.title'), message: automationErrorMessage(t, error) });
}
