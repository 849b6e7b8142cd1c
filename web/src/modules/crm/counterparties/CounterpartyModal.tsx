import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../../lib/use-api';
import { usePhone } from '../../../lib/use-phone';
import { COUNTERPARTY_QUERIES, CREATE_COUNTERPARTY, UPDATE_COUNTERPARTY } from './counterparty.documents';
import { changedCounterpartyInput, counterpartyFormValues, createCounterpartyInput, EMPTY_COUNTERPARTY, type CounterpartyFormValues, type CounterpartyNode } from './counterparty-form';
import { CounterpartyForm } from './CounterpartyForm';

interface CounterpartyModalProps {
  opened: boolean;
  onClose: () => void;
  customerId: string;
  /** The counterparty to edit; null adds one. */
  counterparty: CounterpartyNode | null;
}

/** Adds or edits a customer's legal entity in a dialog. */
export function CounterpartyModal({ opened, onClose, customerId, counterparty }: CounterpartyModalProps) {
  const { t } = useTranslation();
  const phone = usePhone();
  const create = useApiMutation(CREATE_COUNTERPARTY, COUNTERPARTY_QUERIES);
  const update = useApiMutation(UPDATE_COUNTERPARTY, COUNTERPARTY_QUERIES);

  async function save(values: CounterpartyFormValues) {
    if (counterparty) {
      const input = changedCounterpartyInput(counterparty.id, counterpartyFormValues(counterparty), values);
      if (input) {
        await update.mutateAsync({ input });
        notifications.show({ color: 'green', message: t('crm.counterparties.saved', { name: values.legalName.trim() }) });
      }
    } else {
      await create.mutateAsync({ input: createCounterpartyInput(customerId, values) });
      notifications.show({ color: 'green', message: t('crm.counterparties.created', { name: values.legalName.trim() }) });
    }
    onClose();
  }

  return (
    <Modal opened={opened} onClose={onClose} title={counterparty ? t('crm.counterparties.editTitle') : t('crm.counterparties.newTitle')} size="xl" fullScreen={phone}>
      <CounterpartyForm
        key={counterparty?.id ?? 'new'}
        initial={counterparty ? counterpartyFormValues(counterparty) : EMPTY_COUNTERPARTY}
        submitLabel={counterparty ? t('common.save') : t('crm.counterparties.create')}
        onSave={save}
        onCancel={onClose}
      />
    </Modal>
  );
}
