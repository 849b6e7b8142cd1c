import { Modal, Skeleton, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { DealDetailQuery } from '../../../gql/graphql';
import { useApiMutation } from '../../../lib/use-api';
import { usePhone } from '../../../lib/use-phone';
import { useViewer } from '../../../lib/viewer';
import { useCustomFields } from '../fields';
import { DEAL_QUERIES, UPDATE_DEAL } from './deal.documents';
import { changedDealInput, dealFormValues, type DealFormValues } from './deal-form';
import { DealForm } from './DealForm';

/** "Edit deal": the deal form in a dialog; only what changed is sent. */
export function EditDealModal({ deal, opened, onClose }: { deal: DealDetailQuery['deal']; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const viewer = useViewer();
  const update = useApiMutation(UPDATE_DEAL, DEAL_QUERIES);
  const custom = useCustomFields('DEAL');
  const initial = dealFormValues(deal, viewer?.tenant.settings.currency ?? 'EUR', custom.fields);

  async function save(values: DealFormValues) {
    const input = changedDealInput(deal.id, initial, values, custom.fields);
    if (input) {
      await update.mutateAsync({ input });
      notifications.show({ color: 'green', message: t('deals.saved') });
    }
    onClose();
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('deals.edit.title')} size="lg" fullScreen={phone}>
      {!custom.ready ? (
        <Stack gap="md" role="status" aria-label={t('common.loading')}>
          <Skeleton height={36} />
          <Skeleton height={36} />
          <Skeleton height={36} />
        </Stack>
      ) : (
        <DealForm
          initial={initial}
          customFields={custom.fields}
          creating={false}
          customerName={deal.customer.name}
          contactName={deal.contact?.fullName ?? null}
          eventName={deal.source.event?.name ?? null}
          stageProbability={deal.stage.probability}
          submitLabel={t('common.save')}
          onSave={save}
          onCancel={onClose}
        />
      )}
    </Modal>
  );
}
