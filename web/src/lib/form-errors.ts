import type { TFunction } from 'i18next';
import { notifications } from '@mantine/notifications';
import { ApiError } from './api-error';
import { errorMessage } from './error-message';

interface FieldErrorTarget {
  setFieldError: (path: string, error: string) => void;
  values: object;
}

/**
 * Shows an API error where it belongs: on the form field it names (in the user's language),
 * otherwise as a notification. `fields` maps API field names to form fields when they differ.
 */
export function showApiError(t: TFunction, error: unknown, form?: FieldErrorTarget, fields: Record<string, string> = {}): void {
  const message = errorMessage(t, error);
  if (form && error instanceof ApiError && error.field) {
    const field = fields[error.field] ?? error.field;
    if (field in form.values) {
      form.setFieldError(field, message);
      return;
    }
  }
  notifications.show({ color: 'red', title: t('errors.title'), message });
}
