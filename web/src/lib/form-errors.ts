import type { TFunction } from 'i18next';
import { notifications } from '@mantine/notifications';
import { ApiError, fieldOf } from './api-error';
import { errorMessage } from './error-message';
import { formFieldOf } from './form-paths';

// Where an API field lands on a form: kept apart (no imports), so plain tests can check it.
export { formFieldOf, hasFormPath } from './form-paths';

interface FieldErrorTarget {
  setFieldError: (path: string, error: string) => void;
  values: object;
}

/**
 * Shows an API error where it belongs: on the form field it names (in the user's language),
 * otherwise as a notification. `fields` maps API field names to form fields when they differ.
 * Nested paths such as `input.address.postalCode` or `input.bankAccounts.0.iban` land on that
 * field of the form.
 */
export function showApiError(t: TFunction, error: unknown, form?: FieldErrorTarget, fields: Record<string, string> = {}): void {
  if (form && error instanceof ApiError && error.problems.length > 0) {
    // Every refused field at once, so the user fixes them in one go.
    let shown = 0;
    for (const problem of error.problems) {
      const name = fieldOf(problem);
      const field = name === null ? null : formFieldOf(name, form.values, fields);
      if (!field) continue;
      form.setFieldError(field, errorMessage(t, new ApiError(error.code, problem.message, [problem], error.extensions)));
      shown += 1;
    }
    if (shown > 0) return;
  }
  notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(t, error) });
}
