import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InteractionKind, LogInteractionInput } from '../../../gql/graphql';
import { useApiMutation } from '../../../lib/use-api';
import { usePhone } from '../../../lib/use-phone';
import { LOG_INTERACTION } from './interaction.documents';
import type { HistorySubject } from './interaction-form';
import { LogInteractionForm, type PersonOption } from './LogInteractionForm';
import { useRefreshHistory } from './use-refresh-history';

interface LogInteractionModalProps {
  /** The kind to start with; null while the dialog is closed. */
  kind: InteractionKind | null;
  subject: HistorySubject;
  /** On a customer's page: its people, one of whom it may have been with. */
  people?: PersonOption[];
  onClose: () => void;
}

/** "Log a call" (or meeting, email, SMS, note): the form in a dialog whose title follows the chosen kind. */
export function LogInteractionModal({ kind, subject, people, onClose }: LogInteractionModalProps) {
  const { t } = useTranslation();
  const phone = usePhone();
  const log = useApiMutation(LOG_INTERACTION);
  const refresh = useRefreshHistory();
  // The kind the dialog opened with (kept while it closes), and the one picked since, for the title.
  // The dialog drops its content once closed, so every opening starts a fresh form.
  const [asked, setAsked] = useState(kind);
  const [start, setStart] = useState<InteractionKind>(kind ?? 'CALL');
  const [current, setCurrent] = useState<InteractionKind>(kind ?? 'CALL');
  if (kind !== asked) {
    setAsked(kind);
    if (kind) {
      setStart(kind);
      setCurrent(kind);
    }
  }

  async function save(input: LogInteractionInput) {
    await log.mutateAsync({ input });
    notifications.show({ color: 'green', message: t(`crm.interactions.logged.${input.kind}`) });
    void refresh();
    onClose();
  }

  return (
    <Modal opened={kind !== null} onClose={onClose} title={t(`crm.interactions.form.title.${current}`)} size="lg" fullScreen={phone}>
      <LogInteractionForm initialKind={start} subject={subject} people={people} onSave={save} onCancel={onClose} onKindChange={setCurrent} />
    </Modal>
  );
}
