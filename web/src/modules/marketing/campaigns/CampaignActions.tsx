import { notifications } from '@mantine/notifications';
import { IconBan, IconCalendarTime, IconPencil, IconPlayerPause, IconPlayerPlay, IconSend, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ActionButtons, type PageAction } from '../../../components/ActionButtons';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { showApiError } from '../../../lib/form-errors';
import { useApiMutation } from '../../../lib/use-api';
import { CAMPAIGN_QUERIES, CANCEL_CAMPAIGN, DELETE_CAMPAIGN, PAUSE_CAMPAIGN, RESUME_CAMPAIGN, SCHEDULE_CAMPAIGN, SEND_CAMPAIGN_NOW } from './campaign.documents';
import type { CampaignDetail } from './campaign-form';
import { ScheduleModal } from './ScheduleModal';
import { SendNowModal } from './SendNowModal';

type Dialog = 'schedule' | 'send' | 'cancel' | 'delete' | null;

/**
 * What can be done with a campaign in its state: edit, schedule and send a draft or a scheduled one;
 * pause and resume one that is sending; cancel (asked first) until it is sent; delete a draft or a
 * cancelled one that sent nothing (asked first). On a phone the first is a button and the rest are in a menu.
 */
export function CampaignActions({ campaign, only }: { campaign: CampaignDetail; /** Offer just these (e.g. the editor's delete and cancel). */ only?: string[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const schedule = useApiMutation(SCHEDULE_CAMPAIGN, CAMPAIGN_QUERIES);
  const sendNow = useApiMutation(SEND_CAMPAIGN_NOW, CAMPAIGN_QUERIES);
  const pause = useApiMutation(PAUSE_CAMPAIGN, CAMPAIGN_QUERIES);
  const resume = useApiMutation(RESUME_CAMPAIGN, CAMPAIGN_QUERIES);
  const cancel = useApiMutation(CANCEL_CAMPAIGN, CAMPAIGN_QUERIES);
  const remove = useApiMutation(DELETE_CAMPAIGN, ['CampaignsList']);
  const input = { id: campaign.id };
  const status = campaign.status;

  /**
   * Runs a change of state. The page says what changed (its status, time and a note while paused), so
   * no notification covers the buttons that come next (pause right after a start).
   */
  async function run(action: () => Promise<unknown>) {
    try {
      await action();
      setDialog(null);
    } catch (error) {
      showApiError(t, error);
    }
  }

  async function removeCampaign() {
    try {
      await remove.mutateAsync({ input });
      setDialog(null);
      notifications.show({ color: 'green', message: t('marketing.campaigns.deleted', { name: campaign.name }) });
      navigate('/campaigns');
    } catch (error) {
      showApiError(t, error);
    }
  }

  const editable = status === 'DRAFT' || status === 'SCHEDULED';
  const actions: PageAction[] = [];
  if (editable) {
    actions.push({ key: 'send', label: t('marketing.campaigns.sendNow'), icon: IconSend, run: () => setDialog('send') });
    actions.push({ key: 'schedule', label: status === 'SCHEDULED' ? t('marketing.campaigns.reschedule') : t('marketing.campaigns.schedule'), icon: IconCalendarTime, variant: 'light', run: () => setDialog('schedule') });
    actions.push({ key: 'edit', label: t('common.edit'), icon: IconPencil, variant: 'default', run: () => navigate(`/campaigns/${campaign.id}/edit`) });
  }
  if (status === 'SENDING') actions.push({ key: 'pause', label: t('marketing.campaigns.pause'), icon: IconPlayerPause, variant: 'light', busy: pause.isPending, run: () => void run(() => pause.mutateAsync({ input })) });
  if (status === 'PAUSED') actions.push({ key: 'resume', label: t('marketing.campaigns.resume'), icon: IconPlayerPlay, busy: resume.isPending, run: () => void run(() => resume.mutateAsync({ input })) });
  if (status !== 'SENT' && status !== 'CANCELLED' && status !== 'DRAFT') actions.push({ key: 'cancel', label: t('marketing.campaigns.cancel'), icon: IconBan, color: 'red', variant: 'light', run: () => setDialog('cancel') });
  // A campaign whose messages went out stays: their unsubscribe links resolve through it.
  const wentOut = campaign.stats.sent + campaign.stats.delivered + campaign.stats.bounced > 0;
  if (status === 'DRAFT' || (status === 'CANCELLED' && !wentOut)) actions.push({ key: 'delete', label: status === 'DRAFT' ? t('marketing.campaigns.deleteDraft') : t('common.delete'), icon: IconTrash, color: 'red', variant: 'light', run: () => setDialog('delete') });

  const offered = only ? actions.filter((action) => only.includes(action.key)) : actions;

  return (
    <>
      <ActionButtons actions={offered} />
      <ScheduleModal
        opened={dialog === 'schedule'}
        onClose={() => setDialog(null)}
        current={campaign}
        winnerAt={campaign.abTest?.winnerAt ?? null}
        onSchedule={async (when) => {
          await schedule.mutateAsync({ input: { id: campaign.id, ...when } });
          setDialog(null);
        }}
      />
      <SendNowModal
        opened={dialog === 'send'}
        onClose={() => setDialog(null)}
        name={campaign.name}
        channel={campaign.channel}
        audience={campaign.audience}
        winnerAt={campaign.abTest?.winnerAt ?? null}
        onConfirm={async () => {
          await sendNow.mutateAsync({ input });
          setDialog(null);
        }}
      />
      <ConfirmModal
        opened={dialog === 'cancel'}
        onClose={() => setDialog(null)}
        loading={cancel.isPending}
        onConfirm={() => void run(() => cancel.mutateAsync({ input }))}
        title={t('marketing.campaigns.cancelTitle', { name: campaign.name })}
        message={status === 'SCHEDULED' ? t('marketing.campaigns.cancelBodyScheduled') : t('marketing.campaigns.cancelBodySending')}
        confirmLabel={t('marketing.campaigns.cancelConfirm')}
      />
      <ConfirmModal
        opened={dialog === 'delete'}
        onClose={() => setDialog(null)}
        loading={remove.isPending}
        onConfirm={() => void removeCampaign()}
        title={t('marketing.campaigns.deleteTitle', { name: campaign.name })}
        message={t('marketing.campaigns.deleteBody')}
        confirmLabel={t('marketing.campaigns.deleteConfirm')}
      />
    </>
  );
}
