import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { showApiError } from '../../../lib/form-errors';
import { useApiMutation } from '../../../lib/use-api';
import { optionalText, required } from '../../../lib/validators';
import { CLOSE_DEAL, DEAL_QUERIES } from './deal.documents';
import { REASON_MAX } from './deal-form';

export interface Closing {
  deal: { id: string; title: string };
  won: boolean;
}

interface CloseDealModalProps {
  closing: Closing | null;
  onClose: () => void;
  /** After the API said yes. */
  onClosed?: (closing: Closing) => void;
}

/** Won or lost: a lost deal needs its reason (it feeds the lost-reasons report); a won one may have one. */
export function CloseDealModal({ closing, onClose, onClosed }: CloseDealModalProps) {
  const { t } = useTranslation();
  const won = closing?.won ?? true;
  return (
    <Modal opened={closing !== null} onClose={onClose} title={closing ? t(won ? 'deals.close.wonTitle' : 'deals.close.lostTitle', { title: closing.deal.title }) : ''} centered>
      {closing && <CloseDealForm closing={closing} onCancel={onClose} onDone={() => { onClosed?.(closing); onClose(); }} />}
    </Modal>
  );
}

function CloseDealForm({ closing, onCancel, onDone }: { closing: Closing; onCancel: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const close = useApiMutation(CLOSE_DEAL, DEAL_QUERIES);
  const { won } = closing;
  const form = useForm({ initialValues: { reason: '' }, validate: { reason: won ? optionalText(t, REASON_MAX) : required(t, REASON_MAX) } });

  async function submit({ reason }: { reason: string }) {
    try {
      await close.mutateAsync({ input: { id: closing.deal.id, won, reason: reason.trim() || null } });
      notifications.show({ color: won ? 'green' : 'gray', message: t(won ? 'deals.close.wonDone' : 'deals.close.lostDone', { title: closing.deal.title }) });
      onDone();
    } catch (error) {
      showApiError(t, error, form);
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
      <Stack gap="md">
        <Text fz="sm">{won ? t('deals.close.wonBody') : t('deals.close.lostBody')}</Text>
        <Textarea
          label={won ? t('deals.close.wonReason') : t('deals.close.lostReason')}
          placeholder={won ? t('deals.close.wonReasonPlaceholder') : t('deals.close.lostReasonPlaceholder')}
          required={!won}
          autosize
          minRows={3}
          maxRows={8}
          data-autofocus
          {...form.getInputProps('reason')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={close.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color={won ? 'green' : 'red'} loading={close.isPending}>
            {won ? t('deals.close.markWon') : t('deals.close.markLost')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
