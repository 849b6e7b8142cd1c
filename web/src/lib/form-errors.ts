import type { TFunction } from 'i18next';
import { notifications } from '@mantine/notifications';
import { ApiError, fieldOf } from './api-error';
import { errorMessage } from './error-message';

interface FieldErrorTarget {
  setFieldError: (path: string, error: string) => void;
  values: object;
}

/** Whether a dotted path ("name", "address.postalCode", "emails.1.address") names a value of the form. */
export function hasFormPath(values: object, path: string): boolean {
  let node: unknown = values;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false;
    node = Reflect.get(node, part);
  }
  return true;
}

/**
 * The form field an API field lands on: its mapped name (`fields` maps an API path, or the start of
 * one, to the form's), else the same path; a path the form does not have (the fourth tag, a list
 * item since removed) falls back to the nearest part of it the form does have ("tags").
 */
export function formFieldOf(name: string, values: object, fields: Record<string, string> = {}): string | null {
  let mapped = fields[name] ?? null;
  if (mapped === null) {
    const prefix = Object.keys(fields)
      .filter((key) => name.startsWith(`${key}.`))
      .sort((a, b) => b.length - a.length)[0];
    mapped = prefix === undefined ? name : `${fields[prefix]}${name.slice(prefix.length)}`;
  }
  const parts = mapped.split('.');
  while (parts.length > 0) {
    const candidate = parts.join('.');
    if (hasFormPath(values, candidate)) return candidate;
    parts.pop();
  }
  return null;
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
