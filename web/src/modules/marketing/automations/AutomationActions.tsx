import { notifications } from '@mantine/notifications';
import { IconCopy, IconPencil, IconPlayerPause, IconPlayerPlay, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ActionButtons, type PageAction } from '../../../components/ActionButtons';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { useApiMutation } from '../../../lib/use-api';
import { ActivateModal } from './ActivateModal';
import { ACTIVATE_AUTOMATION, AUTOMATION_QUERIES, DELETE_AUTOMATION, PAUSE_AUTOMATION } from './automation.documents';
import { showAutomationError } from './automation-errors';
import type { AutomationDetail } from './automation-form';

type Dialog = 'activate' | 'delete' | null;

/**
 * What can be done with an automation in its state: switch on a draft or a paused one (asked first,
 * saying what will happen), pause an active one (its runs wait where they are; the page says so),
 * edit, copy into a new one, and delete one that is not on (asked first). On a phone the first is a
 * button and the rest are in a menu.
 */
export function AutomationActions({ automation, trigger }: { automation: AutomationDetail; trigger: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const activate = useApiMutation(ACTIVATE_AUTOMATION, AUTOMATION_QUERIES);
  const pause = useApiMutation(PAUSE_AUTOMATION, AUTOMATION_QUERIES);
  const remove = useApiMutation(DELETE_AUTOMATION, ['AutomationsList']);
  const input = { id: automation.id };
  const status = automation.status;

  async function run(action: () => Promise<unknown>) {
    try {
      await action();
      setDialog(null);
    } catch (error) {
      setDialog(null);
      showAutomationError(t, error);
    }
  }

  async function removeAutomation() {
    try {
      await remove.mutateAsync({ input });
      setDialog(null);
      notifications.show({ color: 'green', message: t('automations.deleted', { name: automation.name }) });
      navigate('/campaigns/automations');
    } catch (error) {
      setDialog(null);
      showAutomationError(t, error);
    }
  }

  const actions: PageAction[] = [];
  if (status !== 'ACTIVE') actions.push({ key: 'activate', label: t('automations.activate.button'), icon: IconPlayerPlay, run: () => setDialog('activate') });
  if (status === 'ACTIVE') actions.push({ key: 'pause', label: t('automations.pause.button'), icon: IconPlayerPause, variant: 'light', busy: pause.isPending, run: () => void run(() => pause.mutateAsync({ input })) });
  actions.push({ key: 'edit', label: t('common.edit'), icon: IconPencil, variant: 'default', run: () => navigate(`/campaigns/automations/${automation.id}/edit`) });
  actions.push({ key: 'copy', label: t('automations.copy'), icon: IconCopy, variant: 'default', run: () => navigate(`/campaigns/automations/new?from=${encodeURIComponent(automation.id)}`) });
  if (status !== 'ACTIVE') actions.push({ key: 'delete', label: t('common.delete'), icon: IconTrash, color: 'red', variant: 'light', run: () => setDialog('delete') });


  return (
    <>
      <ActionButtons actions={actions} />
      <ActivateModal
        opened={dialog === 'activate'}
        automation={automation}
        trigger={trigger}
        loading={activate.isPending}
        onClose={() => setDialog(null)}
        onConfirm={() => void run(() => activate.mutateAsync({ input }))}
      />
      <ConfirmModal
        opened={dialog === 'delete'}
        onClose={() => setDialog(null)}
        loading={remove.isPending}
        onConfirm={() => void removeAutomation()}
        title={t('automations.deleteTitle', { name: automation.name })}
        message={t('automations.deleteBody')}
        confirmLabel={t('automations.deleteConfirm')}
      />
    </>
  );
}
