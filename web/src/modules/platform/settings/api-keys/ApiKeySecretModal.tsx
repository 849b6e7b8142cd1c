import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The secret of a new key, shown this once: Kontor keeps only its hash. */
export function ApiKeySecretModal({ secret, name, onDone }: { secret: string | null; name: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    // Closed only by "Done", so a stray click or Escape does not lose the secret.
    <Modal opened={secret !== null} onClose={onDone} title={t('settings.apiKeys.secretTitle', { name })} size="lg" closeOnClickOutside={false} closeOnEscape={false} withCloseButton={false}>
      <Stack gap="md">
        <Alert color="orange" variant="light" icon={<IconAlertTriangle />} title={t('settings.apiKeys.secretWarningTitle')}>
          {t('settings.apiKeys.secretWarning')}
        </Alert>
        <Stack gap={6}>
          <Text fz="sm" fw={500} id="api-key-secret-label">
            {t('settings.apiKeys.secretLabel')}
          </Text>
          <Code block aria-labelledby="api-key-secret-label" data-testid="api-key-secret" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} fz="sm">
            {secret}
          </Code>
        </Stack>
        <Group justify="space-between">
          <CopyButton value={secret ?? ''} timeout={2000}>
            {({ copied, copy }) => (
              <Button variant="light" color={copied ? 'teal' : 'blue'} leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />} onClick={copy}>
                {copied ? t('settings.apiKeys.copied') : t('settings.apiKeys.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onDone}>{t('settings.apiKeys.done')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
