import { Badge, Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAdjustments, IconList, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { showApiError } from '../../../lib/form-errors';
import { useFormat } from '../../../lib/format';
import { useApiMutation, useApiQuery } from '../../../lib/use-api';
import { useCan } from '../../../lib/viewer';
import { DetailSkeleton } from '../shared/DetailSkeleton';
import { isMissing } from '../shared/is-missing';
import { NotFoundPanel } from '../shared/NotFoundPanel';
import { DELETE_SEGMENT, SEGMENT, SEGMENT_QUERIES, UPDATE_SEGMENT } from './segment.documents';
import { filterInput, listPath, SEGMENT_PARAM } from './segment-input';
import { SegmentEditorPanel } from './SegmentEditorPanel';
import { SegmentMembers } from './SegmentMembers';
import { ViewNameModal } from './ViewNameModal';

/**
 * `/segments/:id`: a saved view, how many records it holds now and who they are; its conditions
 * edited with a live count (`?edit=1` opens the editor), renamed or deleted with CRM:write.
 */
export function SegmentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const format = useFormat();
  const can = useCan();
  const canWrite = can('CRM:write');
  const [params, setParams] = useSearchParams();
  const editing = canWrite && params.get('edit') === '1';
  const [dialog, setDialog] = useState<'rename' | 'delete' | null>(null);
  const query = useApiQuery(SEGMENT, { id });
  const update = useApiMutation(UPDATE_SEGMENT, SEGMENT_QUERIES);
  const remove = useApiMutation(DELETE_SEGMENT, SEGMENT_QUERIES.filter((name) => name !== 'Segment'));
  const segment = query.data?.segment;

  function setEditing(on: boolean) {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (on) next.set('edit', '1');
        else next.delete('edit');
        return next;
      },
      { replace: true },
    );
  }

  if (isMissing(query.error)) {
    return <NotFoundPanel title={t('segments.notFound.title')} description={t('segments.notFound.body')} backTo="/contacts" backLabel={t('segments.notFound.back')} />;
  }
  if (query.error) return <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!segment) return <DetailSkeleton />;

  const list = listPath(segment.entity);
  const people = segment.entity === 'CONTACT';
  const author = segment.createdBy ? (segment.createdBy.name ?? segment.createdBy.email) : null;

  async function confirmDelete() {
    if (!segment) return;
    try {
      await remove.mutateAsync({ input: { id: segment.id } });
      notifications.show({ color: 'green', message: t('segments.deleted', { name: segment.name }) });
      navigate(list);
    } catch (error) {
      showApiError(t, error);
    }
  }

  return (
    <Box maw={1180}>
      <PageHeader
        back={{ to: `${list}?${SEGMENT_PARAM}=${encodeURIComponent(segment.id)}`, label: people ? t('segments.page.backToPeople') : t('segments.page.backToCustomers') }}
        title={segment.name}
        subtitle={
          <Group gap="xs" wrap="wrap">
            <Badge variant="light" radius="sm" tt="none">
              {people ? t('segments.entity.CONTACT') : t('segments.entity.CUSTOMER')}
            </Badge>
            <Text fz="sm" c="dimmed" span data-testid="segment-count">
              {t(people ? 'segments.count.people' : 'segments.count.customers', { count: segment.count })}
            </Text>
            <Text fz="sm" c="dimmed" span>
              {author ? t('segments.page.byline', { name: author, date: format.date(segment.updatedAt) }) : t('segments.page.changed', { date: format.date(segment.updatedAt) })}
            </Text>
          </Group>
        }
        actions={
          <>
            <Button component={Link} to={`${list}?${SEGMENT_PARAM}=${encodeURIComponent(segment.id)}`} variant="default" leftSection={<IconList size={16} />}>
              {t('segments.page.openList')}
            </Button>
            {canWrite && !editing && (
              <Button variant="default" leftSection={<IconAdjustments size={16} />} onClick={() => setEditing(true)}>
                {t('segments.page.editConditions')}
              </Button>
            )}
            {canWrite && (
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setDialog('rename')}>
                {t('segments.page.rename')}
              </Button>
            )}
            {canWrite && (
              <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={() => setDialog('delete')}>
                {t('common.delete')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="lg">
        {editing && (
          <SegmentEditorPanel
            key={segment.updatedAt}
            entity={segment.entity}
            initial={segment.filter}
            submitLabel={t('segments.editor.save')}
            onCancel={() => setEditing(false)}
            onSave={async (filter) => {
              await update.mutateAsync({ input: { id: segment.id, ...filterInput(segment.entity, filter) } });
              notifications.show({ color: 'green', message: t('segments.updated', { name: segment.name }) });
              setEditing(false);
            }}
          />
        )}
        <Stack gap="sm">
          <Title order={2} fz="h4">
            {people ? t('segments.page.peopleTitle') : t('segments.page.customersTitle')}
          </Title>
          <SegmentMembers entity={segment.entity} segmentId={segment.id} />
        </Stack>
      </Stack>
      {dialog === 'rename' && (
        <ViewNameModal
          title={t('segments.renameTitle', { name: segment.name })}
          initialName={segment.name}
          submitLabel={t('common.save')}
          onClose={() => setDialog(null)}
          onSave={async (name) => {
            await update.mutateAsync({ input: { id: segment.id, name } });
            notifications.show({ color: 'green', message: t('segments.renamed', { name }) });
          }}
        />
      )}
      <ConfirmModal
        opened={dialog === 'delete'}
        onClose={() => setDialog(null)}
        loading={remove.isPending}
        onConfirm={() => void confirmDelete()}
        title={t('segments.deleteTitle', { name: segment.name })}
        message={t('segments.deleteBody')}
        confirmLabel={t('segments.deleteConfirm')}
      />
    </Box>
  );
}
