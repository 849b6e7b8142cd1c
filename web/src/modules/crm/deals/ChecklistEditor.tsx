import { ActionIcon, Button, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconCheck, IconPencil, IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { showApiError } from '../../../lib/form-errors';
import { useApiMutation } from '../../../lib/use-api';
import { required } from '../../../lib/validators';
import { CREATE_STAGE_CHECKLIST_ITEM, DELETE_STAGE_CHECKLIST_ITEM, PIPELINE_QUERIES, UPDATE_STAGE_CHECKLIST_ITEM } from './deal.documents';
import { ITEM_TITLE_MAX } from './pipeline-form';

interface Item {
  id: string;
  title: string;
}

/** A stage's checklist: what a manager must do while a deal is in it, in order; added, renamed, moved and deleted here. */
export function ChecklistEditor({ stage }: { stage: { id: string; name: string; checklist: Item[] } }) {
  const { t } = useTranslation();
  const create = useApiMutation(CREATE_STAGE_CHECKLIST_ITEM, PIPELINE_QUERIES);
  const update = useApiMutation(UPDATE_STAGE_CHECKLIST_ITEM, PIPELINE_QUERIES);
  const remove = useApiMutation(DELETE_STAGE_CHECKLIST_ITEM, PIPELINE_QUERIES);
  const [draft, setDraft] = useState('');
  const [draftError, setDraftError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id: string; title: string; error: string | null } | null>(null);
  const [deleting, setDeleting] = useState<Item | null>(null);
  const check = required(t, ITEM_TITLE_MAX);

  async function add(event: FormEvent) {
    event.preventDefault();
    const problem = check(draft);
    if (problem) {
      setDraftError(problem);
      return;
    }
    try {
      await create.mutateAsync({ input: { stageId: stage.id, title: draft.trim() } });
      setDraft('');
    } catch (error) {
      showApiError(t, error, { values: { title: draft }, setFieldError: (_field, message) => setDraftError(message) });
    }
  }

  async function rename(event: FormEvent) {
    event.preventDefault();
    if (!editing) return;
    const problem = check(editing.title);
    if (problem) {
      setEditing({ ...editing, error: problem });
      return;
    }
    try {
      await update.mutateAsync({ input: { id: editing.id, title: editing.title.trim() } });
      setEditing(null);
    } catch (error) {
      showApiError(t, error, { values: { title: editing.title }, setFieldError: (_field, message) => setEditing((current) => current && { ...current, error: message }) });
    }
  }

  async function shift(item: Item, position: number) {
    try {
      await update.mutateAsync({ input: { id: item.id, position } });
    } catch (error) {
      showApiError(t, error);
    }
  }

  async function confirmDelete(item: Item) {
    try {
      await remove.mutateAsync({ input: { id: item.id } });
      notifications.show({ color: 'green', message: t('deals.pipelines.checklist.deleted', { title: item.title }) });
      setDeleting(null);
    } catch (error) {
      showApiError(t, error);
    }
  }

  const listLabel = t('deals.pipelines.checklist.label', { stage: stage.name });

  return (
    <Stack gap="xs">
      {stage.checklist.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('deals.pipelines.checklist.none')}
        </Text>
      ) : (
        <Stack gap={4} role="list" aria-label={listLabel}>
          {stage.checklist.map((item, index) =>
            editing?.id === item.id ? (
              <form key={item.id} onSubmit={(event) => void rename(event)} role="listitem">
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <TextInput
                    aria-label={t('deals.pipelines.checklist.titleLabel')}
                    value={editing.title}
                    onChange={(event) => setEditing({ ...editing, title: event.currentTarget.value, error: null })}
                    onKeyDown={(event) => event.key === 'Escape' && setEditing(null)}
                    error={editing.error}
                    autoFocus
                    style={{ flex: 1 }}
                  />
                  <ActionIcon type="submit" variant="light" size={36} aria-label={t('common.save')} loading={update.isPending}>
                    <IconCheck size={16} />
                  </ActionIcon>
                  <ActionIcon variant="subtle" color="gray" size={36} aria-label={t('common.cancel')} onClick={() => setEditing(null)}>
                    <IconX size={16} />
                  </ActionIcon>
                </Group>
              </form>
            ) : (
              <Group key={item.id} gap="xs" wrap="nowrap" role="listitem" aria-label={item.title}>
                <Text fz="sm" style={{ flex: 1, overflowWrap: 'anywhere' }}>
                  {item.title}
                </Text>
                <Group gap={2} wrap="nowrap">
                  <ActionIcon variant="subtle" color="gray" aria-label={t('deals.pipelines.checklist.up', { title: item.title })} disabled={index === 0} onClick={() => void shift(item, index - 1)}>
                    <IconArrowUp size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t('deals.pipelines.checklist.down', { title: item.title })}
                    disabled={index === stage.checklist.length - 1}
                    onClick={() => void shift(item, index + 1)}
                  >
                    <IconArrowDown size={16} />
                  </ActionIcon>
                  <Tooltip label={t('deals.pipelines.checklist.rename', { title: item.title })}>
                    <ActionIcon variant="subtle" color="gray" aria-label={t('deals.pipelines.checklist.rename', { title: item.title })} onClick={() => setEditing({ id: item.id, title: item.title, error: null })}>
                      <IconPencil size={16} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label={t('deals.pipelines.checklist.delete', { title: item.title })}>
                    <ActionIcon variant="subtle" color="red" aria-label={t('deals.pipelines.checklist.delete', { title: item.title })} onClick={() => setDeleting(item)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Group>
            ),
          )}
        </Stack>
      )}
      <form onSubmit={(event) => void add(event)}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <TextInput
            aria-label={t('deals.pipelines.checklist.newLabel', { stage: stage.name })}
            placeholder={t('deals.pipelines.checklist.newPlaceholder')}
            value={draft}
            onChange={(event) => {
              setDraft(event.currentTarget.value);
              setDraftError(null);
            }}
            error={draftError}
            style={{ flex: 1 }}
          />
          <Button type="submit" variant="light" leftSection={<IconPlus size={16} aria-hidden />} loading={create.isPending}>
            {t('deals.pipelines.checklist.add')}
          </Button>
        </Group>
      </form>
      <ConfirmModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        loading={remove.isPending}
        onConfirm={() => deleting && void confirmDelete(deleting)}
        title={t('deals.pipelines.checklist.deleteTitle', { title: deleting?.title ?? '' })}
        message={t('deals.pipelines.checklist.deleteBody')}
        confirmLabel={t('deals.pipelines.checklist.deleteConfirm')}
      />
    </Stack>
  );
}
