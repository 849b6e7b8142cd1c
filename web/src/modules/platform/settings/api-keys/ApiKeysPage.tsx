import { Button, Card, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../../components/PageHeader';
import { QueryErrorAlert } from '../../../../components/QueryErrorAlert';
import { useApiQuery } from '../../../../lib/use-api';
import { LoadingBlock } from '../LoadingBlock';
import { ApiKeySecretModal } from './ApiKeySecretModal';
import { ApiKeysList } from './ApiKeysList';
import { CreateApiKeyModal } from './CreateApiKeyModal';
import { SETTINGS_API_KEYS } from './api-keys.documents';

/** Keys partner systems call the API with; each secret is shown once, when created. */
export function ApiKeysPage() {
  const { t } = useTranslation();
  const query = useApiQuery(SETTINGS_API_KEYS, {});
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ secret: string; name: string } | null>(null);

  return (
    <Stack gap="lg">
      <PageHeader
        size="large"
        mb={0}
        title={t('settings.apiKeys.title')}
        subtitle={t('settings.apiKeys.description')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t('settings.apiKeys.create')}
          </Button>
        }
      />
      {query.isPending ? (
        <LoadingBlock rows={3} />
      ) : query.isError ? (
        <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.apiKeys.length === 0 ? (
        <Card withBorder padding="xl">
          <Stack align="center" gap={4} data-testid="api-keys-list">
            <Text fw={500}>{t('settings.apiKeys.empty')}</Text>
            <Text c="dimmed" fz="sm" ta="center">
              {t('settings.apiKeys.emptyHint')}
            </Text>
          </Stack>
        </Card>
      ) : (
        <ApiKeysList keys={query.data.apiKeys} />
      )}
      <CreateApiKeyModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(secret, name) => {
          setCreating(false);
          setCreated({ secret, name });
        }}
      />
      <ApiKeySecretModal secret={created?.secret ?? null} name={created?.name ?? ''} onDone={() => setCreated(null)} />
    </Stack>
  );
}
