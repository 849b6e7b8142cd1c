import { ActionIcon, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/ConfirmModal';
import type { InteractionKind } from '../../../gql/graphql';
import { showApiError } from '../../../lib/form-errors';
import { useApiMutation } from '../../../lib/use-api';
import { DELETE_INTERACTION } from './interaction.documents';
import { useRefreshHistory } from './use-refresh-history';

interface DeleteInteractionButtonProps {
  id: string;
  kind: InteractionKind;
  /** When it happened, as shown: names the entry for screen readers and in the question. */
  when: string;
}

/** Removes a logged interaction from the history, after asking. */
export function DeleteInteractionButton({ id, kind, when }: DeleteInteractionButtonProps) {
  const { t } = useTranslation();
  const [confirming, confirm] = useDisclosure(false);
  const remove = useApiMutation(DELETE_INTERACTION);
  const refresh = useRefreshHistory();
  const label = t(`crm.interactions.delete.label.${kind}`, { when });

  async function confirmDelete() {
    try {
      await remove.mutateAsync({ input: { id } });
      confirm.close();
      notifications.show({ color: 'green', message: t(`crm.interactions.delete.done.${kind}`) });
      await refresh();
    } catch (error) {
      showApiError(t, error);
    }
  }

  return (
    <>
      <Tooltip label={label} openDelay={400}>
        <ActionIcon variant="subtle" color="gray" size="md" aria-label={label} onClick={confirm.open}>
          <IconTrash size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <ConfirmModal
        opened={confirming}
        onClose={confirm.close}
        loading={remove.isPending}
        onConfirm={() => void confirmDelete()}
        title={t(`crm.interactions.delete.title.${kind}`)}
        message={t('crm.interactions.delete.body', { when })}
        confirmLabel={t('crm.interactions.delete.confirm')}
      />
    </>
  );
}
