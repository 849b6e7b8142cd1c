import { Alert, Box, Button, Group, Loader, SegmentedControl, Select, Skeleton, Stack, Text } from '@mantine/core';
import { IconInfoCircle, IconLayoutKanban, IconList, IconPlus, IconSettings, IconStairs } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useApiQuery } from '../../../lib/use-api';
import { useCan } from '../../../lib/viewer';
import { EmptyPanel } from '../shared/EmptyPanel';
import { useListUrl } from '../shared/use-list-url';
import { DEAL_BOARD, PIPELINES } from './deal.documents';
import { BOARD_PER_STAGE, DealBoard } from './DealBoard';
import { DealsListView } from './DealsListView';
import { readDealsView } from './deals-view';
import { NewDealModal } from './NewDealModal';

function BoardSkeleton() {
  const { t } = useTranslation();
  return (
    <Group gap="md" align="flex-start" wrap="nowrap" role="status" aria-busy="true" aria-label={t('common.loading')} style={{ overflow: 'hidden' }}>
      {[0, 1, 2, 3].map((column) => (
        <Stack key={column} gap="xs" w="18rem" style={{ flexShrink: 0 }}>
          <Skeleton height={20} width="60%" />
          <Skeleton height={96} />
          <Skeleton height={96} />
        </Stack>
      ))}
    </Group>
  );
}

/**
 * `/deals`: a pipeline's board (a column per stage, cards dragged between them) or its list of deals,
 * open, won or lost, filtered. The pipeline, the view and the list's filters live in the address.
 */
export function DealsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const canWrite = can('CRM:write');
  const list = useListUrl();
  const view = readDealsView(list.params);
  const viewLabelId = useId();
  const [creating, setCreating] = useState<{ stageId: string | null } | null>(null);
  const pipelines = useApiQuery(PIPELINES, {}, { staleTime: 30_000 });
  const all = pipelines.data?.pipelines;
  const pipeline = all?.find((candidate) => candidate.id === view.pipelineId) ?? all?.[0] ?? null;
  const board = useApiQuery(DEAL_BOARD, { pipelineId: pipeline?.id ?? '', firstPerStage: BOARD_PER_STAGE }, { enabled: view.mode === 'board' && pipeline !== null && pipeline.stages.length > 0 });
  const columns = board.data?.dealBoard;
  const openCount = columns?.reduce((sum, column) => sum + column.count, 0);

  const newButton =
    canWrite && pipeline && pipeline.stages.length > 0 ? (
      <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating({ stageId: null })}>
        {t('deals.new.button')}
      </Button>
    ) : null;
  const manageButton = canWrite ? (
    <Button component={Link} to="/deals/pipelines" variant="default" leftSection={<IconSettings size={16} />}>
      {t('deals.managePipelines')}
    </Button>
  ) : null;

  const listParams = new URLSearchParams(list.params);
  listParams.set('view', 'list');
  if (pipeline) listParams.set('pipeline', pipeline.id);

  function body() {
    if (pipelines.error) return <QueryErrorAlert error={pipelines.error} onRetry={() => void pipelines.refetch()} />;
    if (!all) return <BoardSkeleton />;
    if (!pipeline) {
      return (
        <EmptyPanel
          label={t('deals.noPipeline.title')}
          icon={<IconStairs />}
          title={t('deals.noPipeline.title')}
          description={t('deals.noPipeline.body')}
          action={manageButton}
        />
      );
    }
    if (pipeline.stages.length === 0) {
      return (
        <EmptyPanel
          label={t('deals.noStages.title', { pipeline: pipeline.name })}
          icon={<IconStairs />}
          title={t('deals.noStages.title', { pipeline: pipeline.name })}
          description={t('deals.noStages.body')}
          action={manageButton}
        />
      );
    }
    if (view.mode === 'list') return <DealsListView view={view} list={list} pipelineId={pipeline.id} pipelineName={pipeline.name} newButton={newButton} />;
    if (board.error) return <QueryErrorAlert error={board.error} onRetry={() => void board.refetch()} />;
    if (!columns) return <BoardSkeleton />;
    return (
      <Stack gap="md">
        {openCount === 0 && (
          <Alert variant="light" color="blue" icon={<IconInfoCircle />} title={t('deals.emptyBoard.title', { pipeline: pipeline.name })}>
            {canWrite ? t('deals.emptyBoard.body') : t('deals.emptyBoard.bodyReadOnly')}
          </Alert>
        )}
        <DealBoard pipelineId={pipeline.id} columns={columns} canWrite={canWrite} listLink={`/deals?${listParams.toString()}`} onAdd={(stageId) => setCreating({ stageId })} />
      </Stack>
    );
  }

  return (
    <Box>
      <PageHeader
        title={t('deals.title')}
        subtitle={
          view.mode === 'board' && openCount !== undefined && pipeline ? (
            t('deals.openCount', { count: openCount, pipeline: pipeline.name })
          ) : board.isFetching && !columns ? (
            <Loader size="xs" aria-label={t('common.loading')} />
          ) : null
        }
        actions={
          <>
            {manageButton}
            {newButton}
          </>
        }
      />
      {all && all.length > 0 && (
        <Group gap="md" mb="md" align="flex-end" justify="space-between" wrap="wrap">
          <Select
            label={t('deals.pipeline')}
            data={all.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
            value={pipeline?.id ?? null}
            allowDeselect={false}
            onChange={(id) => list.update({ pipeline: id })}
            style={{ flex: '0 1 18rem' }}
            comboboxProps={{ withinPortal: true }}
          />
          <Box>
            <Text component="div" fz="sm" fw={500} mb={4} id={viewLabelId}>
              {t('deals.view.label')}
            </Text>
            <SegmentedControl
              aria-labelledby={viewLabelId}
              value={view.mode}
              onChange={(mode) => list.update({ view: mode === 'list' ? 'list' : null })}
              data={[
                {
                  value: 'board',
                  label: (
                    <Group gap={6} wrap="nowrap">
                      <IconLayoutKanban size={16} aria-hidden />
                      <span>{t('deals.view.board')}</span>
                    </Group>
                  ),
                },
                {
                  value: 'list',
                  label: (
                    <Group gap={6} wrap="nowrap">
                      <IconList size={16} aria-hidden />
                      <span>{t('deals.view.list')}</span>
                    </Group>
                  ),
                },
              ]}
            />
          </Box>
        </Group>
      )}
      {body()}
      <NewDealModal opened={creating !== null} onClose={() => setCreating(null)} pipelineId={pipeline?.id ?? null} stageId={creating?.stageId ?? null} />
    </Box>
  );
}
