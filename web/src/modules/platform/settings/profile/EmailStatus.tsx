import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconMailForward } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useResendVerification } from './use-resend-verification';

/** The sign-in address, whether it is confirmed, and a new confirmation link if not. */
export function EmailStatus({ email, verified }: { email: string; verified: boolean }) {
  const { t } = useTranslation();
  const resend = useResendVerification();

  return (
    <Group justify="space-between" align="center" gap="md">
      <Stack gap={4} miw={0}>
        <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
          {email}
        </Text>
        {verified ? (
          <Badge miw="max-content" color="green" variant="light" leftSection={<IconCircleCheck size={14} />}>
            {t('settings.profile.verified')}
          </Badge>
        ) : (
          <Badge miw="max-content" color="orange" variant="light">
            {t('settings.profile.notVerified')}
          </Badge>
        )}
      </Stack>
      {!verified && (
        <Button variant="light" leftSection={<IconMailForward size={16} />} onClick={resend.send} loading={resend.pending}>
          {t('settings.profile.resend')}
        </Button>
      )}
    </Group>
  );
}
