import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MarketingEventDetailQuery } from '../../../gql/graphql';
import { useApiMutation } from '../../../lib/use-api';
import { usePhone } from '../../../lib/use-phone';
import { useViewer } from '../../../lib/viewer';
import { today } from '../deals/use-day-format';
import { CREATE_MARKETING_EVENT, UPDATE_MARKETING_EVENT } from './event.documents';
import { createEventInput, emptyEvent, eventValues, updateEventInput, type EventFormValues } from './event-form';
import { EventForm } from './EventForm';
import { useRefreshEvents } from './use-refresh-events';

interface EventFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** The event to edit; none: a new one (its page opens once it is added). */
  event?: MarketingEventDetailQuery['marketingEvent'];
}

/** "New event" and "Edit event": the form in a dialog. */
export function EventFormModal({ opened, onClose, event }: EventFormModalProps) {
  const { t } = useTranslation();
  const phone = usePhone();
  const navigate = useNavigate();
  const viewer = useViewer();
  const currency = viewer?.tenant.settings.currency ?? 'EUR';
  const create = useApiMutation(CREATE_MARKETING_EVENT);
  const update = useApiMutation(UPDATE_MARKETING_EVENT);
  const refresh = useRefreshEvents();

  async function save(values: EventFormValues) {
    if (event) {
      await update.mutateAsync({ input: updateEventInput(event.id, values) });
      notifications.show({ color: 'green', message: t('events.saved') });
      void refresh({ deals: values.name.trim() !== event.name || values.startsOn !== event.startsOn });
      onClose();
      return;
    }
    const result = await create.mutateAsync({ input: createEventInput(values) });
    notifications.show({ color: 'green', message: t('events.created', { name: result.createMarketingEvent.name }) });
    void refresh();
    onClose();
    navigate(`/events/${result.createMarketingEvent.id}`);
  }

  const title = event ? t('events.editTitle', { name: event.name }) : t('events.newTitle');
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" fullScreen={phone}>
      <EventForm
        initial={event ? eventValues(event, currency) : emptyEvent(currency, today())}
        submitLabel={event ? t('common.save') : t('events.create')}
        onSave={save}
        onCancel={onClose}
      />
    </Modal>
  );
}
