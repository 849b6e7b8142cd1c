import { ActionIcon, Alert, Anchor, Box, Button, DataList, Grid, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconRestore, IconThumbDown, IconTrash, IconTrophy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { showApiError } from '../../../lib/form-errors';
import { useFormat } from '../../../lib/format';
import { useApiMutation, useApiQuery } from '../../../lib/use-api';
import { useCan, useSwitchedOn } from '../../../lib/viewer';
import { CustomFieldValues, useCustomFields } from '../fields';
import { DetailCard } from '../shared/DetailCard';
import { DetailField } from '../shared/DetailField';
import { DetailSkeleton } from '../shared/DetailSkeleton';
import { isMissing } from '../shared/is-missing';
import { NameAvatar } from '../shared/NameAvatar';
import { CloseDealModal, type Closing } from './CloseDealModal';
import { DEAL_DETAIL, DEAL_QUERIES, DELETE_DEAL, MOVE_DEAL, REOPEN_DEAL } from './deal.documents';
import { DealChecklist } from './DealChecklist';
import { DealHistoryCard } from './DealHistoryCard';
import { MoneyAmount } from './DealMoney';
import { DealNotFound } from './DealNotFound';
import { DealStatusBadge } from './DealStatusBadge';
import { DealTasks } from './DealTasks';
import { EditDealModal } from './EditDealModal';
import { ExpectedClose } from './ExpectedClose';
import { RottingBadge } from './RottingBadge';
import { StageHistory } from './StageHistory';
import { StageProgress } from './StageProgress';

/**
 * `/deals/:id`: a deal's page. Where it stands (its stages, a click moves it), the current stage's
 * checklist, its details, tasks and history, and every stage change with who, when and why. Won, lost,
 * reopened, edited and deleted from here with CRM:write.
 */
export function DealDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const format = useFormat();
  const can = useCan();
  const on = useSwitchedOn();
  const canWrite = can('CRM:write');
  const [editing, edit] = useDisclosure(false);
  const [confirming, confirm] = useDisclosure(false);
  const [closing, setClosing] = useState<Closing | null>(null);
  const custom = useCustomFields('DEAL');
  const query = useApiQuery(DEAL_DETAIL, { id, withCustomFields: custom.on });
  const move = useApiMutation(MOVE_DEAL, DEAL_QUERIES);
  const reopen = useApiMutation(REOPEN_DEAL, DEAL_QUERIES);
  const remove = useApiMutation(DELETE_DEAL, ['DealBoard', 'DealsList', 'DealsTotal', 'CustomerDeals']);
  const deal = query.data?.deal;

  if (isMissing(query.error)) return <DealNotFound />;
  if (query.error) return <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!deal) return <DetailSkeleton />;

  const open = deal.status === 'OPEN';
  const boardLink = `/deals?pipeline=${encodeURIComponent(deal.pipeline.id)}`;

  async function moveTo(stageId: string, name: string) {
    try {
      await move.mutateAsync({ input: { id, stageId } });
      notifications.show({ color: 'green', message: t('deals.moved', { stage: name }) });
    } catch (error) {
      showApiError(t, error);
    }
  }

  async function reopenDeal(title: string) {
    try {
      await reopen.mutateAsync({ input: { id } });
      notifications.show({ color: 'green', message: t('deals.reopened', { title }) });
    } catch (error) {
      showApiError(t, error);
    }
  }

  async function confirmDelete(title: string) {
    try {
      await remove.mutateAsync({ input: { id } });
      confirm.close();
      notifications.show({ color: 'green', message: t('deals.deleted', { title }) });
      navigate(boardLink);
    } catch (error) {
      showApiError(t, error);
    }
  }

  const { source } = deal;
  const owner = deal.owner ? (deal.owner.name ?? deal.owner.email) : null;
  const sourceKnown = Boolean(source.channel || source.event || source.utmSource || source.utmMedium || source.utmCampaign);

  return (
    <Box maw={1180}>
      <PageHeader
        back={{ to: boardLink, label: t('deals.backToBoard') }}
        title={deal.title}
        subtitle={
          <Group gap="xs" wrap="wrap" mt={2}>
            <DealStatusBadge status={deal.status} />
            <Text fz="sm" c="dimmed" span>
              {t('deals.detail.with')}{' '}
              <Anchor component={Link} to={`/customers/${deal.customer.id}`} inherit>
                {deal.customer.name}
              </Anchor>
            </Text>
            {deal.amount && <MoneyAmount money={deal.amount} fw={600} c="var(--mantine-color-text)" />}
            {deal.rotting && <RottingBadge days={deal.daysWithoutActivity} />}
          </Group>
        }
        actions={
          canWrite ? (
            <>
              {open ? (
                <>
                  <Button color="green" leftSection={<IconTrophy size={16} aria-hidden />} onClick={() => setClosing({ deal, won: true })}>
                    {t('deals.close.won')}
                  </Button>
                  <Button color="red" variant="light" leftSection={<IconThumbDown size={16} aria-hidden />} onClick={() => setClosing({ deal, won: false })}>
                    {t('deals.close.lost')}
                  </Button>
                </>
              ) : (
                <Button variant="light" leftSection={<IconRestore size={16} aria-hidden />} loading={reopen.isPending} onClick={() => void reopenDeal(deal.title)}>
                  {t('deals.reopen')}
                </Button>
              )}
              <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={edit.open}>
                {t('common.edit')}
              </Button>
              <Tooltip label={t('deals.delete.button')}>
                <ActionIcon color="red" variant="subtle" size={36} aria-label={t('deals.delete.button')} onClick={confirm.open}>
                  <IconTrash size={18} />
                </ActionIcon>
              </Tooltip>
            </>
          ) : null
        }
      />
      <Stack gap="lg">
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
          <Stack gap="sm">
            <Group justify="space-between" gap="xs">
              <Text fz="sm" fw={600}>
                {t('deals.detail.inPipeline', { pipeline: deal.pipeline.name })}
              </Text>
              {open && (
                <Text fz="xs" c="dimmed">
                  {t('deals.detail.inStageSince', { stage: deal.stage.name, when: format.date(deal.stageEnteredAt) })}
                </Text>
              )}
            </Group>
            <StageProgress stages={deal.pipeline.stages} currentId={deal.stage.id} status={deal.status} canMove={canWrite} busy={move.isPending} onMove={(stageId) => void moveTo(stageId, deal.pipeline.stages.find((stage) => stage.id === stageId)?.name ?? '')} />
          </Stack>
        </Paper>
        {!open && (
          <Alert color={deal.status === 'WON' ? 'green' : 'red'} variant="light" icon={deal.status === 'WON' ? <IconTrophy /> : <IconThumbDown />} title={t(deal.status === 'WON' ? 'deals.detail.wonOn' : 'deals.detail.lostOn', { when: deal.closedAt ? format.dateTime(deal.closedAt) : '', stage: deal.stage.name })}>
            {deal.closeReason ? <Text fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{deal.closeReason}</Text> : t('deals.detail.noReason')}
          </Alert>
        )}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
            <Stack gap="lg">
              <DetailCard title={t('crm.detail.details')}>
                <DataList orientation="vertical" gap="md">
                  <DetailField label={t('deals.fields.customer')}>
                    <Anchor component={Link} to={`/customers/${deal.customer.id}`} inherit>
                      {deal.customer.name}
                    </Anchor>
                  </DetailField>
                  <DetailField label={t('deals.fields.contact')}>
                    {deal.contact && (
                      <Anchor component={Link} to={`/contacts/${deal.contact.id}`} inherit>
                        {deal.contact.fullName}
                      </Anchor>
                    )}
                  </DetailField>
                  <DetailField label={t('deals.fields.amount')}>{deal.amount && <MoneyAmount money={deal.amount} />}</DetailField>
                  <DetailField label={t('deals.fields.probability')}>
                    <Text fz="sm">
                      {!open
                        ? t('deals.detail.probabilityClosed', { probability: deal.probability })
                        : deal.probabilityOverridden
                          ? t('deals.detail.probabilityOwn', { probability: deal.probability })
                          : t('deals.detail.probabilityStage', { probability: deal.probability })}
                    </Text>
                  </DetailField>
                  <DetailField label={t('deals.fields.expectedCloseDate')}>{deal.expectedCloseDate && <ExpectedClose day={deal.expectedCloseDate} open={open} />}</DetailField>
                  <DetailField label={t('deals.fields.owner')}>
                    {owner && (
                      <Group gap={8} wrap="nowrap" align="flex-start">
                        <NameAvatar name={owner} size={22} />
                        <Text fz="sm" miw={0} style={{ overflowWrap: 'anywhere' }}>
                          {owner}
                        </Text>
                      </Group>
                    )}
                  </DetailField>
                  <DetailField label={t('deals.fields.lastActivity')}>
                    <Text fz="sm">{t('deals.detail.lastActivity', { when: format.dateTime(deal.lastActivityAt), count: deal.daysWithoutActivity })}</Text>
                  </DetailField>
                  <CustomFieldValues fields={custom.fields} values={deal.customFields} />
                </DataList>
              </DetailCard>
              <DetailCard title={t('deals.detail.sourceTitle')}>
                {sourceKnown ? (
                  <DataList orientation="vertical" gap="md">
                    {source.channel && <DetailField label={t('deals.fields.channel')}>{t(`deals.channel.${source.channel}`)}</DetailField>}
                    {source.event && (
                      <DetailField label={t('deals.fields.event')}>
                        <Anchor component={Link} to={`/events/${source.event.id}`} inherit>
                          {source.event.name}
                        </Anchor>
                      </DetailField>
                    )}
                    {source.utmSource && <DetailField label={t('deals.fields.utmSource')}>{source.utmSource}</DetailField>}
                    {source.utmMedium && <DetailField label={t('deals.fields.utmMedium')}>{source.utmMedium}</DetailField>}
                    {source.utmCampaign && <DetailField label={t('deals.fields.utmCampaign')}>{source.utmCampaign}</DetailField>}
                  </DataList>
                ) : (
                  <Text fz="sm" c="dimmed">
                    {t('deals.detail.noSource')}
                  </Text>
                )}
              </DetailCard>
              <DetailCard title={t('crm.detail.record')}>
                <DataList orientation="vertical" gap="md">
                  <DetailField label={t('crm.detail.created')}>
                    <Text fz="sm">{format.dateTime(deal.createdAt)}</Text>
                  </DetailField>
                  <DetailField label={t('crm.detail.updated')}>
                    <Text fz="sm">{format.dateTime(deal.updatedAt)}</Text>
                  </DetailField>
                  {deal.closedAt && (
                    <DetailField label={t('deals.fields.closedAt')}>
                      <Text fz="sm">{format.dateTime(deal.closedAt)}</Text>
                    </DetailField>
                  )}
                </DataList>
              </DetailCard>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
            <Stack gap="lg">
              <DealChecklist dealId={deal.id} stageName={deal.stage.name} items={deal.checklist} canTick={canWrite && open} />
              {on('CRM.tasks') && <DealTasks deal={deal} />}
              <DealHistoryCard deal={deal} />
              <StageHistory history={deal.stageHistory} />
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
      <EditDealModal deal={deal} opened={editing} onClose={edit.close} />
      <CloseDealModal closing={closing} onClose={() => setClosing(null)} />
      <ConfirmModal
        opened={confirming}
        onClose={confirm.close}
        loading={remove.isPending}
        onConfirm={() => void confirmDelete(deal.title)}
        title={t('deals.delete.title', { title: deal.title })}
        message={t('deals.delete.body')}
        confirmLabel={t('deals.delete.confirm')}
      />
    </Box>
  );
}
