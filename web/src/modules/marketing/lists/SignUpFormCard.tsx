import { Button, Checkbox, Group, List, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { showApiError } from '../../../lib/form-errors';
import { useApiMutation } from '../../../lib/use-api';
import { DetailCard } from '../../crm/shared/DetailCard';
import { CopyField } from './CopyField';
import { formSnippet } from './form-snippet';
import { LIST_QUERIES, UPDATE_SUBSCRIPTION_LIST } from './list.documents';

interface SignUpFormCardProps {
  list: { id: string; name: string; doubleOptIn: boolean; formUrl: string };
  canWrite: boolean;
}

/** The list's public form: the address a website posts to, a ready form to paste, and a new address when the old one is abused. */
export function SignUpFormCard({ list, canWrite }: SignUpFormCardProps) {
  const { t } = useTranslation();
  const [withName, setWithName] = useState(true);
  const [confirming, setConfirming] = useState(false);
  const update = useApiMutation(UPDATE_SUBSCRIPTION_LIST, LIST_QUERIES);
  const snippet = formSnippet(
    list.formUrl,
    { email: t('subscriptions.form.snippet.email'), firstName: t('subscriptions.form.snippet.firstName'), lastName: t('subscriptions.form.snippet.lastName'), submit: t('subscriptions.form.snippet.submit') },
    withName,
  );

  async function newAddress() {
    try {
      await update.mutateAsync({ input: { id: list.id, newFormAddress: true } });
      setConfirming(false);
      notifications.show({ color: 'green', message: t('subscriptions.form.moved') });
    } catch (error) {
      setConfirming(false);
      showApiError(t, error);
    }
  }

  return (
    <DetailCard title={t('subscriptions.form.title')}>
      <Stack gap="md">
        <List size="sm" spacing={4} c="dimmed">
          <List.Item>{t('subscriptions.form.howPost')}</List.Item>
          <List.Item>{list.doubleOptIn ? t('subscriptions.form.howDouble') : t('subscriptions.form.howSingle')}</List.Item>
          <List.Item>{t('subscriptions.form.howKnown')}</List.Item>
        </List>
        <CopyField label={t('subscriptions.form.address')} value={list.formUrl} />
        <Checkbox label={t('subscriptions.form.withName')} checked={withName} onChange={(event) => setWithName(event.currentTarget.checked)} />
        <CopyField label={t('subscriptions.form.snippetLabel')} description={t('subscriptions.form.snippetHint')} value={snippet} multiline />
        {canWrite && (
          <Group>
            <Button variant="light" color="red" size="sm" leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => setConfirming(true)}>
              {t('subscriptions.form.newAddress')}
            </Button>
          </Group>
        )}
      </Stack>
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        loading={update.isPending}
        onConfirm={() => void newAddress()}
        title={t('subscriptions.form.newAddressTitle')}
        message={t('subscriptions.form.newAddressBody')}
        confirmLabel={t('subscriptions.form.newAddressConfirm')}
      />
    </DetailCard>
  );
}
