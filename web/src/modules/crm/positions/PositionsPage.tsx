import { ActionIcon, Anchor, Box, Button, Checkbox, Group, Paper, Skeleton, Stack, Switch, Text, TextInput, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconBriefcase, IconCheck, IconPencil, IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import type { PositionsQuery } from '../../../gql/graphql';
import { ApiError } from '../../../lib/api-error';
import { showApiError } from '../../../lib/form-errors';
import { useApiMutation, useApiQuery } from '../../../lib/use-api';
import { required } from '../../../lib/validators';
import { useCan } from '../../../lib/viewer';
import { EmptyPanel } from '../shared/EmptyPanel';
import { CREATE_POSITION, DELETE_POSITION, POSITION_NAME_MAX, POSITION_QUERIES, POSITIONS, UPDATE_POSITION } from './position.documents';

type Position = PositionsQuery['positions'][number];

/** A name the directory already has is refused by the API with ALREADY_EXISTS: said in this screen's words. */
function nameTaken(error: unknown): boolean {
  return error instanceof ApiError && error.problems.some((problem) => problem.reason === 'ALREADY_EXISTS');
}

function AddPositionForm() {
  const { t } = useTranslation();
  const create = useApiMutation(CREATE_POSITION, POSITION_QUERIES);
  const form = useForm({ initialValues: { name: '', decisionMaker: false }, validate: { name: required(t, POSITION_NAME_MAX) } });

  async function submit(values: { name: string; decisionMaker: boolean }) {
    try {
      const { createPosition } = await create.mutateAsync({ input: { name: values.name.trim(), decisionMaker: values.decisionMaker } });
      notifications.show({ color: 'green', message: t('crm.positions.created', { name: createPosition.name }) });
      form.reset();
    } catch (error) {
      if (nameTaken(error)) form.setFieldError('name', t('crm.positions.exists'));
      else showApiError(t, error, form);
    }
  }

  return (
    <Paper withBorder radius="md" p="md" mb="md">
      <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate aria-label={t('crm.positions.addTitle')}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput label={t('crm.positions.newName')} placeholder={t('crm.positions.newNamePlaceholder')} autoComplete="off" style={{ flex: '1 1 16rem' }} {...form.getInputProps('name')} />
          <Checkbox label={t('crm.positions.decisionMaker')} mb={8} {...form.getInputProps('decisionMaker', { type: 'checkbox' })} />
          <Button type="submit" leftSection={<IconPlus size={16} />} loading={create.isPending}>
            {t('crm.positions.add')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

interface PositionRowProps {
  position: Position;
  divided: boolean;
  canWrite: boolean;
  onDelete: () => void;
}

function PositionRow({ position, divided, canWrite, onDelete }: PositionRowProps) {
  const { t } = useTranslation();
  const update = useApiMutation(UPDATE_POSITION, POSITION_QUERIES);
  const [editing, setEditing] = useState(false);
  const form = useForm({ initialValues: { name: position.name }, validate: { name: required(t, POSITION_NAME_MAX) } });

  async function rename(values: { name: string }) {
    const name = values.name.trim();
    if (name === position.name) {
      setEditing(false);
      return;
    }
    try {
      await update.mutateAsync({ input: { id: position.id, name } });
      notifications.show({ color: 'green', message: t('crm.positions.renamed', { name }) });
      setEditing(false);
    } catch (error) {
      if (nameTaken(error)) form.setFieldError('name', t('crm.positions.exists'));
      else showApiError(t, error, form);
    }
  }

  async function toggle(decisionMaker: boolean) {
    try {
      await update.mutateAsync({ input: { id: position.id, decisionMaker } });
    } catch (error) {
      showApiError(t, error);
    }
  }

  return (
    <Group
      role="listitem"
      aria-label={position.name}
      justify="space-between"
      gap="sm"
      py="sm"
      px="md"
      wrap="wrap"
      style={divided ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}
    >
      {editing ? (
        <form
          onSubmit={form.onSubmit((values) => void rename(values))}
          noValidate
          aria-label={t('crm.positions.renameTitle', { name: position.name })}
          style={{ flex: '1 1 14rem' }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              form.reset();
              setEditing(false);
            }
          }}
        >
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <TextInput aria-label={t('crm.positions.nameOf', { name: position.name })} autoComplete="off" autoFocus style={{ flex: 1 }} {...form.getInputProps('name')} />
            <Tooltip label={t('common.save')}>
              <ActionIcon type="submit" size={36} variant="light" aria-label={t('common.save')} loading={update.isPending}>
                <IconCheck size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('common.cancel')}>
              <ActionIcon
                size={36}
                variant="default"
                aria-label={t('common.cancel')}
                onClick={() => {
                  form.reset();
                  setEditing(false);
                }}
              >
                <IconX size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
        </form>
      ) : (
        <Group gap="sm" wrap="nowrap" miw={0} style={{ flex: '1 1 14rem' }}>
          <IconBriefcase size={18} aria-hidden style={{ flexShrink: 0 }} />
          <Text fw={600} fz="sm" style={{ overflowWrap: 'anywhere' }}>
            {position.name}
          </Text>
        </Group>
      )}
      <Group gap="md" wrap="nowrap">
        <Switch
          label={t('crm.positions.decisionMaker')}
          aria-label={t('crm.positions.decisionMakerOf', { name: position.name })}
          checked={position.decisionMaker}
          disabled={!canWrite || update.isPending}
          onChange={(event) => void toggle(event.currentTarget.checked)}
        />
        {position.contactCount > 0 ? (
          <Anchor component={Link} to={`/contacts?position=${encodeURIComponent(position.id)}`} fz="sm" miw="6rem" style={{ whiteSpace: 'nowrap' }}>
            {t('crm.positions.people', { count: position.contactCount })}
          </Anchor>
        ) : (
          <Text fz="sm" c="dimmed" miw="6rem" style={{ whiteSpace: 'nowrap' }}>
            {t('crm.positions.nobody')}
          </Text>
        )}
        {canWrite && !editing && (
          <Group gap={4} wrap="nowrap">
            <Tooltip label={t('crm.positions.rename', { name: position.name })}>
              <ActionIcon variant="subtle" color="gray" aria-label={t('crm.positions.rename', { name: position.name })} onClick={() => {
                  form.setValues({ name: position.name });
                  form.clearErrors();
                  setEditing(true);
                }}>
                <IconPencil size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('crm.positions.delete', { name: position.name })}>
              <ActionIcon variant="subtle" color="red" aria-label={t('crm.positions.delete', { name: position.name })} onClick={onDelete}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
      </Group>
    </Group>
  );
}

/** `/crm/positions`: the company's directory of positions people hold; add, rename, mark decision makers, delete. */
export function PositionsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const canWrite = can('CRM:write');
  const query = useApiQuery(POSITIONS, {});
  const remove = useApiMutation(DELETE_POSITION, POSITION_QUERIES);
  const [deleting, setDeleting] = useState<Position | null>(null);
  const positions = query.data?.positions;
  const title = t('crm.positions.title');

  async function confirmDelete(position: Position) {
    try {
      await remove.mutateAsync({ input: { id: position.id } });
      setDeleting(null);
      notifications.show({ color: 'green', message: t('crm.positions.deleted', { name: position.name }) });
    } catch (error) {
      showApiError(t, error);
    }
  }

  return (
    <Box maw={880}>
      <PageHeader
        title={title}
        subtitle={t('crm.positions.intro')}
        back={{ to: '/contacts', label: t('crm.people.backToList') }}
      />
      {canWrite && <AddPositionForm />}
      {query.error ? (
        <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !positions ? (
        <Paper withBorder radius="md" p="md">
          <Stack gap="md" role="status" aria-label={t('common.loading')}>
            <Skeleton height={14} width="50%" />
            <Skeleton height={14} width="40%" />
          </Stack>
        </Paper>
      ) : positions.length === 0 ? (
        <EmptyPanel label={t('crm.positions.empty.title')} icon={<IconBriefcase />} title={t('crm.positions.empty.title')} description={t('crm.positions.empty.body')} />
      ) : (
        <Paper withBorder radius="md">
          <Stack gap={0} role="list" aria-label={title}>
            {positions.map((position, index) => (
              <PositionRow key={position.id} position={position} divided={index > 0} canWrite={canWrite} onDelete={() => setDeleting(position)} />
            ))}
          </Stack>
        </Paper>
      )}
      <ConfirmModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        loading={remove.isPending}
        onConfirm={() => deleting && void confirmDelete(deleting)}
        title={t('crm.positions.deleteTitle', { name: deleting?.name ?? '' })}
        message={deleting && deleting.contactCount > 0 ? t('crm.positions.deleteBodyPeople', { count: deleting.contactCount }) : t('crm.positions.deleteBody')}
        confirmLabel={t('crm.positions.deleteConfirm')}
      />
    </Box>
  );
}
