import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useResendVerification } from '../settings/profile/use-resend-verification';

/** The first step's way to a new confirmation link (the profile offers the same). */
export function ResendVerificationButton() {
  const { t } = useTranslation();
  const resend = useResendVerification();
  return (
    <Button size="xs" variant="light" loading={resend.pending} onClick={resend.send}>
      {t('home.steps.verify.action')}
    </Button>
  );
}
