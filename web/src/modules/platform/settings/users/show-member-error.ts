import type { TFunction } from 'i18next';
import { notifications } from '@mantine/notifications';
import { ApiError } from '../../../../lib/api-error';
import { showApiError } from '../../../../lib/form-errors';
import { wordedReason } from '../api-reason';

/**
 * A refused change of a member (new role, removal): the API's reason in the user's language
 * (such as LAST_OWNER). Without a reason, a conflict here can only be the company's last owner.
 */
export function showMemberError(t: TFunction, error: unknown): void {
  if (error instanceof ApiError && error.code === 'CONFLICT' && !wordedReason(t, error)) {
    notifications.show({ color: 'red', title: t('settings.users.lastOwnerTitle'), message: t('settings.users.lastOwner') });
  } else showApiError(t, error);
}
