import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { showApiError } from '../../../../lib/form-errors';
import { useApiMutation } from '../../../../lib/use-api';
import { useViewer } from '../../../../lib/viewer';
import { RESEND_VERIFICATION_EMAIL } from './profile.documents';

export interface ResendVerification {
  send: () => void;
  pending: boolean;
}

/**
 * Emails the signed-in person a new confirmation link, and says so. The viewer is fetched again
 * afterwards: an address confirmed meanwhile (in another tab) stops asking.
 */
export function useResendVerification(): ResendVerification {
  const { t } = useTranslation();
  const email = useViewer()?.user?.email ?? '';
  const resend = useApiMutation(RESEND_VERIFICATION_EMAIL, ['Viewer']);
  return {
    pending: resend.isPending,
    send: () =>
      resend.mutate(
        {},
        {
          onSuccess: ({ resendVerificationEmail }) =>
            notifications.show({
              color: 'green',
              message: resendVerificationEmail ? t('settings.profile.verificationSent', { email }) : t('settings.profile.alreadyVerified'),
            }),
          onError: (error) => showApiError(t, error),
        },
      ),
  };
}
