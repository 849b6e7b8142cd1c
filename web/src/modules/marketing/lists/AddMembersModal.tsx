import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showApiError } from '../../../lib/form-errors';
import { useApiMutation } from '../../../lib/use-api';
import { usePhone } from '../../../lib/use-phone';
import { PeoplePicker } from '../../crm/events/PeoplePicker';
import { ADD_LIST_MEMBERS, LIST_QUERIES } from './list.documents';

interface AddMembersModalProps {
  opened: boolean;
  onClose: () => void;
  list: { id: string; name: string };
}

/** "Add people": puts several people on the list at once, subscribed (someone who left it themselves stays off). */
export function AddMembersModal({ opened, onClose, list }: AddMembersModalProps) {
  const { t } = useTranslation();
  const phone = usePhone();
  return (
    <Modal opened={opened} onClose={onClose} title={t('subscriptions.members.addTitle', { name: list.name })} size="lg" fullScreen={phone}>
      <AddMembersForm list={list} onClose={onClose} />
    </Modal>
  );
}

function AddMembersForm({ list, onClose }: Omit<AddMembersModalProps, 'opened'>) {
  const { t } = useTranslation();
  const add = useApiMutation(ADD_LIST_MEMBERS, LIST_QUERIES);
  const [people, setPeople] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    if (people.length === 0) {
      setError(t('subscriptions.members.pickSomeone'));
      return;
    }
    try {
      const { addListMembers: result } = await add.mutateAsync({ input: { listId: list.id, contactIds: people } });
      const parts = [
        t('subscriptions.members.added', { count: result.added }),
        ...(result.alreadySubscribed > 0 ? [t('subscriptions.members.alreadyOn', { count: result.alreadySubscribed })] : []),
        ...(result.optedOut > 0 ? [t('subscriptions.members.optedOut', { count: result.optedOut })] : []),
      ];
      notifications.show({ color: result.optedOut > 0 ? 'yellow' : 'green', message: parts.join(' '), autoClose: result.optedOut > 0 ? 10_000 : undefined });
      onClose();
    } catch (caught) {
      showApiError(t, caught);
    }
  }

  return (
    <form
      onSubmit={(submitted) => {
        submitted.preventDefault();
        void submit();
      }}
      noValidate
    >
      <Stack gap="md">
        <PeoplePicker
          label={t('subscriptions.members.picker')}
          description={t('subscriptions.members.pickerHint')}
          value={people}
          onChange={(ids) => {
            setPeople(ids);
            setError(null);
          }}
          error={error}
        />
        <Text fz="xs" c="dimmed">
          {t('subscriptions.members.consentNote')}
        </Text>
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onClose} disabled={add.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {people.length > 0 ? t('subscriptions.members.addCount', { count: people.length }) : t('subscriptions.members.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
