import type { TFunction } from 'i18next';
import { notifications } from '@mantine/notifications';
import { ApiError, fieldOf } from '../../../lib/api-error';
import { errorMessage } from '../../../lib/error-message';
import { hasFormPath } from '../../../lib/form-errors';

/** Reasons only messages give; the rest are worded by the app's common error texts. */
const MESSAGE_REASONS = new Set(['NO_ADDRESS', 'NOT_CONTACT_ADDRESS', 'NO_CONSENT', 'MESSAGE_NOT_OF_CONTACT']);

export type MessageChannelWord = 'EMAIL' | 'SMS';

interface FieldErrorTarget {
  setFieldError: (path: string, error: string) => void;
  values: object;
}

/** One refusal in the user's language: a message reason for this channel, or the common wording. */
function problemText(t: TFunction, error: ApiError, index: number, channel: MessageChannelWord): string {
  const problem = error.problems[index];
  if (problem?.reason && MESSAGE_REASONS.has(problem.reason)) return t(`crm.messages.errors.${problem.reason}.${channel}`);
  return errorMessage(t, new ApiError(error.code, problem?.message ?? error.message, problem ? [problem] : [], error.extensions));
}

/**
 * Shows why the API refused a message: on the form field it names (to, subject, body), the rest
 * (the person has no address, refused the channel) as a notification.
 */
export function showMessageError(t: TFunction, error: unknown, form: FieldErrorTarget, channel: MessageChannelWord): void {
  if (!(error instanceof ApiError) || error.problems.length === 0) {
    notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(t, error) });
    return;
  }
  const elsewhere: string[] = [];
  error.problems.forEach((problem, index) => {
    const field = fieldOf(problem);
    const text = problemText(t, error, index, channel);
    if (field && hasFormPath(form.values, field)) form.setFieldError(field, text);
    else elsewhere.push(text);
  });
  if (elsewhere.length > 0) notifications.show({ color: 'red', title: t('errors.title'), message: elsewhere.join(' ') });
}
