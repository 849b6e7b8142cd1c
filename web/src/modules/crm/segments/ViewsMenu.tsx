import { Badge, Button, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBookmarkPlus, IconBookmarks, IconCheck, IconChevronDown, IconExternalLink, IconFilterPlus, IconList, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmModal } from '../../../components/ConfirmModal';
import type { SegmentEntity } from '../../../gql/graphql';
import { showApiError } from '../../../lib/form-errors';
import { useFormat } from '../../../lib/format';
import { useApiMutation, useApiQuery } from '../../../lib/use-api';
import { useCan, useSwitchedOn } from '../../../lib/viewer';
import type { ListUrl } from '../shared/use-list-url';
import { CREATE_SEGMENT, DELETE_SEGMENT, SEGMENT_QUERIES, SEGMENTS, UPDATE_SEGMENT } from './segment.documents';
import { cleanFilter, mergeFilters, withoutSegment, type FilterObject } from './segment-filter';
import { filterInput, SEGMENT_PARAM, SEGMENTS_FEATURE } from './segment-input';
import { ViewNameModal } from './ViewNameModal';

interface ViewsMenuProps {
  entity: SegmentEntity;
  list: ListUrl;
  /** The list's filter as the address describes it (with the view's id when one is chosen). */
  filter: FilterObject | null;
  /** The address parameters of the list's filters: a chosen view starts from none of them. */
  filterKeys: string[];
}

type Dialog = 'save' | 'rename' | 'delete' | null;

/**
 * "Views": the saved segments of the list's records with how many each holds now. Choosing one
 * filters the list (`?segment=…`); the list's own filters can be saved as a new view or added to
 * the chosen one, which can also be renamed, edited on its page, or deleted.
 */
export function ViewsMenu({ entity, list, filter, filterKeys }: ViewsMenuProps) {
  const { t } = useTranslation();
  const on = useSwitchedOn();
  const can = useCan();
  const format = useFormat();
  const enabled = on(SEGMENTS_FEATURE);
  const canWrite = can('CRM:write');
  const query = useApiQuery(SEGMENTS, { entity }, { enabled });
  const create = useApiMutation(CREATE_SEGMENT, SEGMENT_QUERIES);
  const update = useApiMutation(UPDATE_SEGMENT, SEGMENT_QUERIES);
  const remove = useApiMutation(DELETE_SEGMENT, SEGMENT_QUERIES);
  const [dialog, setDialog] = useState<Dialog>(null);
  if (!enabled) return null;

  const segments = query.data?.segments ?? [];
  const activeId = list.params.get(SEGMENT_PARAM);
  const active = segments.find((segment) => segment.id === activeId) ?? null;
  /** The conditions the address adds (on top of the view, when one is chosen). */
  const extra = cleanFilter(withoutSegment(filter));
  const hasExtra = Object.keys(extra).length > 0;
  const cleared = Object.fromEntries(filterKeys.filter((key) => key !== SEGMENT_PARAM).map((key) => [key, null]));
  const all = entity === 'CONTACT' ? t('segments.menu.allPeople') : t('segments.menu.allCustomers');

  function choose(id: string | null) {
    list.update({ ...cleared, [SEGMENT_PARAM]: id });
  }

  async function saveAsView(name: string) {
    const conditions = active ? mergeFilters(active.filter, extra) : extra;
    const { createSegment } = await create.mutateAsync({ input: { name, entity, ...filterInput(entity, conditions) } });
    notifications.show({ color: 'green', message: t('segments.saved', { name: createSegment.name }) });
    choose(createSegment.id);
  }

  async function addFilters() {
    if (!active) return;
    try {
      await update.mutateAsync({ input: { id: active.id, ...filterInput(entity, mergeFilters(active.filter, extra)) } });
      notifications.show({ color: 'green', message: t('segments.updated', { name: active.name }) });
      choose(active.id);
    } catch (error) {
      showApiError(t, error);
    }
  }

  async function rename(name: string) {
    if (!active) return;
    await update.mutateAsync({ input: { id: active.id, name } });
    notifications.show({ color: 'green', message: t('segments.renamed', { name }) });
  }

  async function confirmDelete() {
    if (!active) return;
    try {
      await remove.mutateAsync({ input: { id: active.id } });
      notifications.show({ color: 'green', message: t('segments.deleted', { name: active.name }) });
      setDialog(null);
      choose(null);
    } catch (error) {
      showApiError(t, error);
    }
  }

  return (
    <>
      <Menu position="bottom-start" shadow="md" width={300} onOpen={() => void query.refetch()}>
        <Menu.Target>
          <Button
            variant={active ? 'light' : 'default'}
            leftSection={<IconBookmarks size={16} aria-hidden />}
            rightSection={<IconChevronDown size={14} aria-hidden />}
            maw={280}
          >
            <Text span inherit truncate="end">
              {active ? t('segments.menu.activeView', { name: active.name }) : t('segments.menu.button')}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('segments.menu.saved')}</Menu.Label>
          {query.isPending && <Menu.Item disabled>{t('common.loading')}</Menu.Item>}
          {!query.isPending && segments.length === 0 && <Menu.Item disabled>{t('segments.menu.none')}</Menu.Item>}
          {activeId && (
            <Menu.Item leftSection={<IconList size={16} aria-hidden />} onClick={() => choose(null)}>
              {all}
            </Menu.Item>
          )}
          {segments.map((segment) => (
            <Menu.Item
              key={segment.id}
              leftSection={segment.id === activeId ? <IconCheck size={16} aria-hidden /> : <IconBookmarks size={16} aria-hidden />}
              rightSection={
                <Badge variant="light" radius="sm" aria-label={t('segments.menu.countLabel', { count: segment.count })}>
                  {format.number(segment.count)}
                </Badge>
              }
              aria-current={segment.id === activeId ? 'true' : undefined}
              onClick={() => choose(segment.id)}
            >
              {segment.name}
            </Menu.Item>
          ))}
          <Menu.Divider />
          {canWrite && (
            <Menu.Item leftSection={<IconBookmarkPlus size={16} aria-hidden />} disabled={!hasExtra} onClick={() => setDialog('save')}>
              {t('segments.menu.saveAs')}
            </Menu.Item>
          )}
          {canWrite && active && hasExtra && (
            <Menu.Item leftSection={<IconFilterPlus size={16} aria-hidden />} onClick={() => void addFilters()}>
              {t('segments.menu.addFilters', { name: active.name })}
            </Menu.Item>
          )}
          {active && (
            <Menu.Item leftSection={<IconExternalLink size={16} aria-hidden />} component={Link} to={`/segments/${active.id}`}>
              {t('segments.menu.open', { name: active.name })}
            </Menu.Item>
          )}
          {canWrite && active && (
            <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setDialog('rename')}>
              {t('segments.menu.rename', { name: active.name })}
            </Menu.Item>
          )}
          {canWrite && active && (
            <Menu.Item leftSection={<IconTrash size={16} aria-hidden />} color="red" onClick={() => setDialog('delete')}>
              {t('segments.menu.delete', { name: active.name })}
            </Menu.Item>
          )}
          {canWrite && (
            <Menu.Item leftSection={<IconPlus size={16} aria-hidden />} component={Link} to={`/segments/new?entity=${entity}`}>
              {t('segments.menu.new')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      {dialog === 'save' && (
        <ViewNameModal
          title={t('segments.saveTitle')}
          description={active ? t('segments.saveOnTopBody', { name: active.name }) : t('segments.saveBody')}
          submitLabel={t('segments.saveSubmit')}
          onClose={() => setDialog(null)}
          onSave={saveAsView}
        />
      )}
      {dialog === 'rename' && active && (
        <ViewNameModal title={t('segments.renameTitle', { name: active.name })} initialName={active.name} submitLabel={t('common.save')} onClose={() => setDialog(null)} onSave={rename} />
      )}
      <ConfirmModal
        opened={dialog === 'delete' && active !== null}
        onClose={() => setDialog(null)}
        loading={remove.isPending}
        onConfirm={() => void confirmDelete()}
        title={t('segments.deleteTitle', { name: active?.name ?? '' })}
        message={t('segments.deleteBody')}
        confirmLabel={t('segments.deleteConfirm')}
      />
    </>
  );
}
