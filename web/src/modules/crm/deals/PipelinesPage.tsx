import { Button, Skeleton, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock, IconPlus, IconStairs } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useApiMutation, useApiQuery } from '../../../lib/use-api';
import { useCan } from '../../../lib/viewer';
import { EmptyPanel } from '../shared/EmptyPanel';
import { CREATE_PIPELINE, PIPELINE_QUERIES, PIPELINES } from './deal.documents';
import { PipelineCard } from './PipelineCard';
import { PipelineNameModal } from './PipelineNameModal';

/**
 * `/deals/pipelines`: the company's sales processes. Pipelines are added, renamed, put in order and
 * deleted; their stages (name, chance of winning, days before a deal rots) added, edited, reordered
 * and deleted (their deals moved to another stage); and each stage's checklist kept.
 */
export function PipelinesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const query = useApiQuery(PIPELINES, {});
  const create = useApiMutation(CREATE_PIPELINE, PIPELINE_QUERIES);
  const [creating, setCreating] = useState(false);
  const pipelines = query.data?.pipelines;

  if (!can('CRM:write')) {
    return (
      <EmptyPanel
        label={t('deals.pipelines.readOnly.title')}
        headingOrder={1}
        icon={<IconLock />}
        title={t('deals.pipelines.readOnly.title')}
        description={t('deals.pipelines.readOnly.body')}
      />
    );
  }

  const addButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
      {t('deals.pipelines.new')}
    </Button>
  );

  return (
    <Stack gap="lg" maw={980}>
      <PageHeader back={{ to: '/deals', label: t('deals.backToBoard') }} title={t('deals.pipelines.title')} subtitle={t('deals.pipelines.subtitle')} actions={addButton} mb={0} />
      {query.error ? (
        <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !pipelines ? (
        <Stack gap="md" role="status" aria-label={t('common.loading')}>
          <Skeleton height={160} radius="md" />
          <Skeleton height={160} radius="md" />
        </Stack>
      ) : pipelines.length === 0 ? (
        <EmptyPanel label={t('deals.noPipeline.title')} icon={<IconStairs />} title={t('deals.noPipeline.title')} description={t('deals.pipelines.emptyBody')} action={addButton} />
      ) : (
        pipelines.map((pipeline, index) => <PipelineCard key={pipeline.id} pipeline={pipeline} index={index} count={pipelines.length} />)
      )}
      <PipelineNameModal
        pipeline={null}
        opened={creating}
        onClose={() => setCreating(false)}
        onSave={async (name) => {
          await create.mutateAsync({ input: { name } });
          notifications.show({ color: 'green', message: t('deals.pipelines.created', { name }) });
          setCreating(false);
        }}
      />
    </Stack>
  );
}
