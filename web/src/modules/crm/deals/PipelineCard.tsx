import { ActionIcon, Badge, Button, Collapse, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconChecklist, IconChevronDown, IconChevronUp, IconFlame, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/ConfirmModal';
import type { DealPipelinesQuery } from '../../../gql/graphql';
import { showApiError } from '../../../lib/form-errors';
import { useApiMutation } from '../../../lib/use-api';
import { ChecklistEditor } from './ChecklistEditor';
import { CREATE_PIPELINE_STAGE, DELETE_PIPELINE, PIPELINE_QUERIES, REORDER_PIPELINE_STAGES, UPDATE_PIPELINE, UPDATE_PIPELINE_STAGE } from './deal.documents';
import { DeleteStageModal } from './DeleteStageModal';
import { swapped } from './pipeline-form';
import { PipelineNameModal } from './PipelineNameModal';
import { StageModal } from './StageModal';

type Pipeline = DealPipelinesQuery['pipelines'][number];
type Stage = Pipeline['stages'][number];

interface PipelineCardProps {
  pipeline: Pipeline;
  index: number;
  count: number;
}

/** One pipeline: its name and place among the pipelines, and its stages in order, each with its checklist. */
export function PipelineCard({ pipeline, index, count }: PipelineCardProps) {
  const { t } = useTranslation();
  const updatePipeline = useApiMutation(UPDATE_PIPELINE, PIPELINE_QUERIES);
  const removePipeline = useApiMutation(DELETE_PIPELINE, PIPELINE_QUERIES);
  const reorder = useApiMutation(REORDER_PIPELINE_STAGES, PIPELINE_QUERIES);
  const createStage = useApiMutation(CREATE_PIPELINE_STAGE, PIPELINE_QUERIES);
  const updateStage = useApiMutation(UPDATE_PIPELINE_STAGE, PIPELINE_QUERIES);
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  // The stage dialog: null closed, 'new' to add one, else the stage edited.
  const [stageDialog, setStageDialog] = useState<Stage | 'new' | null>(null);
  const [deletingStage, setDeletingStage] = useState<Stage | null>(null);
  const [openChecklists, setOpenChecklists] = useState<Record<string, boolean>>({});

  async function movePipeline(position: number) {
    try {
      await updatePipeline.mutateAsync({ input: { id: pipeline.id, position } });
    } catch (error) {
      showApiError(t, error);
    }
  }

  async function moveStage(stageIndex: number, direction: -1 | 1) {
    try {
      await reorder.mutateAsync({ input: { pipelineId: pipeline.id, stageIds: swapped(pipeline.stages.map((stage) => stage.id), stageIndex, direction) } });
    } catch (error) {
      showApiError(t, error);
    }
  }

  async function confirmDelete() {
    try {
      await removePipeline.mutateAsync({ input: { id: pipeline.id } });
      notifications.show({ color: 'green', message: t('deals.pipelines.deleted', { name: pipeline.name }) });
      setDeleting(false);
    } catch (error) {
      showApiError(t, error);
    }
  }

  async function saveStage(input: { name: string; probability: number; rottingDays: number | null }) {
    if (stageDialog === 'new') {
      await createStage.mutateAsync({ input: { pipelineId: pipeline.id, ...input } });
      notifications.show({ color: 'green', message: t('deals.pipelines.stage.added', { name: input.name }) });
    } else if (stageDialog) {
      await updateStage.mutateAsync({ input: { id: stageDialog.id, ...input } });
      notifications.show({ color: 'green', message: t('deals.pipelines.stage.saved', { name: input.name }) });
    }
    setStageDialog(null);
  }

  const busy = reorder.isPending || updatePipeline.isPending;

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-label={pipeline.name}>
      <Group justify="space-between" gap="sm" mb="md" wrap="wrap">
        <Group gap="xs" miw={0}>
          <Title order={2} fz="h4" style={{ overflowWrap: 'anywhere' }}>
            {pipeline.name}
          </Title>
          {index === 0 && (
            <Tooltip label={t('deals.pipelines.defaultHint')} withArrow>
              <Badge variant="light" size="sm">
                {t('deals.pipelines.default')}
              </Badge>
            </Tooltip>
          )}
        </Group>
        <Group gap={4} wrap="nowrap">
          <ActionIcon variant="subtle" color="gray" size={34} aria-label={t('deals.pipelines.up', { name: pipeline.name })} disabled={index === 0 || busy} onClick={() => void movePipeline(index - 1)}>
            <IconArrowUp size={18} />
          </ActionIcon>
          <ActionIcon variant="subtle" color="gray" size={34} aria-label={t('deals.pipelines.down', { name: pipeline.name })} disabled={index === count - 1 || busy} onClick={() => void movePipeline(index + 1)}>
            <IconArrowDown size={18} />
          </ActionIcon>
          <Button variant="default" size="xs" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setRenaming(true)}>
            {t('deals.pipelines.rename')}
          </Button>
          <Tooltip label={t('deals.pipelines.delete', { name: pipeline.name })}>
            <ActionIcon variant="subtle" color="red" size={34} aria-label={t('deals.pipelines.delete', { name: pipeline.name })} onClick={() => setDeleting(true)}>
              <IconTrash size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      {pipeline.stages.length === 0 ? (
        <Text fz="sm" c="dimmed" mb="sm">
          {t('deals.pipelines.noStages')}
        </Text>
      ) : (
        <Stack gap={0} role="list" aria-label={t('deals.pipelines.stagesOf', { name: pipeline.name })} mb="sm">
          {pipeline.stages.map((stage, stageIndex) => {
            const open = openChecklists[stage.id] ?? false;
            return (
              <Stack
                key={stage.id}
                gap="xs"
                role="listitem"
                aria-label={stage.name}
                py="sm"
                style={stageIndex > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}
              >
                <Group gap="sm" wrap="wrap" justify="space-between">
                  <Group gap="xs" wrap="nowrap" miw={0} style={{ flex: '1 1 14rem' }}>
                    <Group gap={0} wrap="nowrap">
                      <ActionIcon variant="subtle" color="gray" aria-label={t('deals.pipelines.stage.up', { name: stage.name })} disabled={stageIndex === 0 || busy} onClick={() => void moveStage(stageIndex, -1)}>
                        <IconArrowUp size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={t('deals.pipelines.stage.down', { name: stage.name })}
                        disabled={stageIndex === pipeline.stages.length - 1 || busy}
                        onClick={() => void moveStage(stageIndex, 1)}
                      >
                        <IconArrowDown size={16} />
                      </ActionIcon>
                    </Group>
                    <Text fw={600} fz="sm" style={{ overflowWrap: 'anywhere' }}>
                      {stage.name}
                    </Text>
                  </Group>
                  <Group gap="xs" wrap="wrap">
                    <Badge variant="light" color="blue" size="sm">
                      {t('deals.pipelines.stage.probabilityBadge', { probability: stage.probability })}
                    </Badge>
                    <Badge variant="light" color={stage.rottingDays ? 'orange' : 'gray'} size="sm" leftSection={<IconFlame size={12} aria-hidden />}>
                      {stage.rottingDays ? t('deals.pipelines.stage.rotsAfter', { count: stage.rottingDays }) : t('deals.pipelines.stage.neverRots')}
                    </Badge>
                    <Button
                      variant="subtle"
                      size="xs"
                      leftSection={<IconChecklist size={14} aria-hidden />}
                      rightSection={open ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />}
                      aria-expanded={open}
                      onClick={() => setOpenChecklists((current) => ({ ...current, [stage.id]: !open }))}
                    >
                      {t('deals.pipelines.stage.checklist', { count: stage.checklist.length })}
                    </Button>
                    <Tooltip label={t('deals.pipelines.stage.edit', { name: stage.name })}>
                      <ActionIcon variant="subtle" color="gray" aria-label={t('deals.pipelines.stage.edit', { name: stage.name })} onClick={() => setStageDialog(stage)}>
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('deals.pipelines.stage.delete', { name: stage.name })}>
                      <ActionIcon variant="subtle" color="red" aria-label={t('deals.pipelines.stage.delete', { name: stage.name })} onClick={() => setDeletingStage(stage)}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Group>
                <Collapse expanded={open}>
                  <Paper withBorder radius="md" p="sm" ml={{ base: 0, sm: 56 }} bg="var(--mantine-color-default-hover)">
                    <ChecklistEditor stage={stage} />
                  </Paper>
                </Collapse>
              </Stack>
            );
          })}
        </Stack>
      )}
      <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setStageDialog('new')}>
        {t('deals.pipelines.stage.addTo', { name: pipeline.name })}
      </Button>
      <PipelineNameModal
        pipeline={pipeline}
        opened={renaming}
        onClose={() => setRenaming(false)}
        onSave={async (name) => {
          await updatePipeline.mutateAsync({ input: { id: pipeline.id, name } });
          setRenaming(false);
        }}
      />
      <StageModal stage={stageDialog === 'new' ? null : stageDialog} opened={stageDialog !== null} onClose={() => setStageDialog(null)} onSave={saveStage} />
      <DeleteStageModal stage={deletingStage} others={pipeline.stages.filter((stage) => stage.id !== deletingStage?.id)} onClose={() => setDeletingStage(null)} />
      <ConfirmModal
        opened={deleting}
        onClose={() => setDeleting(false)}
        loading={removePipeline.isPending}
        onConfirm={() => void confirmDelete()}
        title={t('deals.pipelines.deleteTitle', { name: pipeline.name })}
        message={t('deals.pipelines.deleteBody')}
        confirmLabel={t('deals.pipelines.deleteConfirm')}
      />
    </Paper>
  );
}
