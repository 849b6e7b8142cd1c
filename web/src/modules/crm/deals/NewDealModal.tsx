import { Modal, Skeleton, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useApiMutation, useApiQuery } from '../../../lib/use-api';
import { usePhone } from '../../../lib/use-phone';
import { useViewer } from '../../../lib/viewer';
import { useCustomFields } from '../fields';
import { CREATE_DEAL, DEAL_QUERIES, PIPELINES } from './deal.documents';
import { createDealInput, emptyDeal, type DealFormValues } from './deal-form';
import { DealForm } from './DealForm';

interface NewDealModalProps {
  opened: boolean;
  onClose: () => void;
  /** Where it starts: this pipeline (default: the first) and stage (default: its first). */
  pipelineId?: string | null;
  stageId?: string | null;
  /** Started from a customer's card: the customer is chosen already. */
  customer?: { id: string; name: string } | null;
  /** Open the new deal's page once it is added; by default the dialog closes where it was opened (the card shows up there). */
  openAfter?: boolean;
}

/** "New deal": the deal form in a dialog, owned by the viewer unless changed. */
export function NewDealModal({ opened, onClose, pipelineId = null, stageId = null, customer = null, openAfter = false }: NewDealModalProps) {
  const { t } = useTranslation();
  const phone = usePhone();
  const viewer = useViewer();
  const navigate = useNavigate();
  const create = useApiMutation(CREATE_DEAL, DEAL_QUERIES);
  const pipelines = useApiQuery(PIPELINES, {}, { enabled: opened, staleTime: 30_000 });
  const custom = useCustomFields('DEAL');
  const list = pipelines.data?.pipelines;
  const pipeline = list?.find((candidate) => candidate.id === pipelineId) ?? list?.[0] ?? null;
  const stage = pipeline?.stages.find((candidate) => candidate.id === stageId) ?? pipeline?.stages[0] ?? null;

  async function save(values: DealFormValues) {
    const { createDeal } = await create.mutateAsync({ input: createDealInput(values, custom.fields) });
    notifications.show({ color: 'green', message: t('deals.created', { title: createDeal.title }) });
    onClose();
    if (openAfter) navigate(`/deals/${createDeal.id}`);
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('deals.new.title')} size="lg" fullScreen={phone}>
      {pipelines.error ? (
        <QueryErrorAlert error={pipelines.error} onRetry={() => void pipelines.refetch()} />
      ) : !list || !custom.ready ? (
        <Stack gap="md" role="status" aria-label={t('common.loading')}>
          <Skeleton height={36} />
          <Skeleton height={36} />
          <Skeleton height={36} />
        </Stack>
      ) : (
        <DealForm
          initial={emptyDeal(
            {
              meId: viewer?.user?.id ?? null,
              currency: viewer?.tenant.settings.currency ?? 'EUR',
              pipelineId: pipeline?.id ?? null,
              stageId: stage?.id ?? null,
              customerId: customer?.id ?? null,
            },
            custom.fields,
          )}
          customFields={custom.fields}
          creating
          customerName={customer?.name ?? null}
          submitLabel={t('deals.new.submit')}
          onSave={save}
          onCancel={onClose}
        />
      )}
    </Modal>
  );
}
