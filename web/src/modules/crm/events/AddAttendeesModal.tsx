import { Button, Checkbox, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showApiError } from '../../../lib/form-errors';
import { useApiMutation } from '../../../lib/use-api';
import { usePhone } from '../../../lib/use-phone';
import { today } from '../deals/use-day-format';
import { ADD_EVENT_ATTENDEES } from './event.documents';
import { PeoplePicker } from './PeoplePicker';
import { useRefreshEvents } from './use-refresh-events';

interface AddAttendeesModalProps {
  opened: boolean;
  onClose: () => void;
  event: { id: string; name: string; startsOn: string };
  /** Already registered: not offered again. */
  registered: ReadonlySet<string>;
}

/** "Add people": registers several people at once, as having come or only registered. */
export function AddAttendeesModal({ opened, onClose, event, registered }: AddAttendeesModalProps) {
  const { t } = useTranslation();
  const phone = usePhone();
  return (
    <Modal opened={opened} onClose={onClose} title={t('events.attendees.addTitle', { name: event.name })} size="lg" fullScreen={phone}>
      <AddAttendeesForm event={event} registered={registered} onClose={onClose} />
    </Modal>
  );
}

function AddAttendeesForm({ event, registered, onClose }: Omit<AddAttendeesModalProps, 'opened'>) {
  const { t } = useTranslation();
  const add = useApiMutation(ADD_EVENT_ATTENDEES);
  const refresh = useRefreshEvents();
  const [people, setPeople] = useState<string[]>([]);
  // After the event has begun, people added are usually people who came.
  const [attended, setAttended] = useState(event.startsOn <= today());
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    if (people.length === 0) {
      setError(t('events.attendees.pickSomeone'));
      return;
    }
    try {
      await add.mutateAsync({ input: { eventId: event.id, contactIds: people, attended } });
      notifications.show({ color: 'green', message: t('events.attendees.added', { count: people.length }) });
      void refresh();
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
          label={t('events.attendees.picker')}
          description={t('events.attendees.pickerHint')}
          value={people}
          onChange={(ids) => {
            setPeople(ids);
            setError(null);
          }}
          exclude={registered}
          error={error}
        />
        <Checkbox label={t('events.attendees.theyCame')} description={t('events.attendees.theyCameHint')} checked={attended} onChange={(change) => setAttended(change.currentTarget.checked)} />
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onClose} disabled={add.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {people.length > 0 ? t('events.attendees.addCount', { count: people.length }) : t('events.attendees.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
