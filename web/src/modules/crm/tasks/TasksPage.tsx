import { Box, Button, Grid, Loader } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChecklist, IconClipboardCheck, IconFilterOff, IconListSearch, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import type { OrderDirection } from '../../../gql/graphql';
import { useApiQuery } from '../../../lib/use-api';
import { usePhone } from '../../../lib/use-phone';
import { useCan, useViewer } from '../../../lib/viewer';
import { EmptyPanel } from '../shared/EmptyPanel';
import { ListSkeleton } from '../shared/ListSkeleton';
import { sortParams } from '../shared/sort';
import { ListQueryError } from '../shared/ListQueryError';
import { PagedList } from '../shared/PagedList';
import { PAGE_SIZE, useListUrl } from '../shared/use-list-url';
import { OverduePanel } from './OverduePanel';
import { TASKS_LIST, TASKS_TOTAL } from './task.documents';
import { TaskCards } from './TaskCards';
import { TaskCreateModal } from './TaskCreateModal';
import { TaskModal } from './TaskModal';
import { TasksFilters } from './TasksFilters';
import { TasksTable } from './TasksTable';
import { TasksTabs } from './TasksTabs';
import { readTasksView, TASK_FILTER_KEYS, TASK_SORTS, type TaskTab } from './tasks-view';

/** Roles that see how overdue the whole team is. */
const OVERSEERS = ['MANAGER', 'ADMIN', 'OWNER'];

/** `/tasks`: the viewer's, everyone's or the overdue tasks; `?task=<id>` opens one in a dialog. */
export function TasksPage() {
  const { t } = useTranslation();
  const can = useCan();
  const viewer = useViewer();
  const phone = usePhone();
  const location = useLocation();
  const [, setParams] = useSearchParams();
  const canWrite = can('CRM:write');
  const oversees = can('users:manage') || OVERSEERS.includes(viewer?.role ?? '');
  const [creating, create] = useDisclosure(false);
  const list = useListUrl();
  const view = readTasksView(list.params);
  const query = useApiQuery(
    TASKS_LIST,
    { first: PAGE_SIZE, after: list.after, filter: view.filter, orderBy: { field: view.sort.field, direction: view.sort.direction } },
    { keepPrevious: true },
  );
  const connection = query.data?.tasks;
  const rows = connection?.edges.map((edge) => edge.node) ?? [];
  // An empty view may still hide other tasks: only a company without any gets the first-run screen.
  const total = useApiQuery(TASKS_TOTAL, {}, { enabled: connection !== undefined && connection.totalCount === 0 && !view.narrowed && list.after === null });
  const firstRun = connection !== undefined && connection.totalCount === 0 && !view.narrowed && total.data?.tasks.totalCount === 0;
  const waiting = !connection || (connection.totalCount === 0 && !view.narrowed && list.after === null && !total.data && !total.error);
  const openTask = list.params.get('task');

  function closeTask() {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.delete('task');
        return next;
      },
      { replace: true, state: location.state },
    );
  }

  function sort(key: string, direction: OrderDirection | null) {
    const natural = TASK_SORTS.find((option) => option.key === key)?.natural ?? 'ASC';
    list.update(sortParams(key, direction ?? natural));
  }

  function switchTab(tab: TaskTab) {
    // "My tasks" has no assignee filter: the viewer is the assignee.
    list.update(tab === 'mine' ? { tab: null, assignee: null } : { tab });
  }

  function pickOverdue(assignee: string) {
    const same = view.tab === 'overdue' && view.assignee === assignee;
    list.update({ tab: 'overdue', assignee: same ? null : assignee });
  }

  const newButton = canWrite ? (
    <Button leftSection={<IconPlus size={16} />} onClick={create.open}>
      {t('crm.tasks.new')}
    </Button>
  ) : null;

  const emptyView = view.narrowed ? (
    <EmptyPanel
      label={t('crm.tasks.noMatch.title')}
      icon={<IconListSearch />}
      title={t('crm.tasks.noMatch.title')}
      description={t('crm.tasks.noMatch.body')}
      action={
        <Button variant="light" leftSection={<IconFilterOff size={16} />} onClick={() => list.clear(TASK_FILTER_KEYS)}>
          {t('crm.list.clearFilters')}
        </Button>
      }
    />
  ) : (
    <EmptyPanel
      label={t(`crm.tasks.empty.${view.tab}.title`)}
      icon={<IconClipboardCheck />}
      title={t(`crm.tasks.empty.${view.tab}.title`)}
      description={t(`crm.tasks.empty.${view.tab}.body`)}
      action={view.tab !== 'overdue' ? newButton : null}
    />
  );

  const listBlock = (
    <>
      {query.error && <ListQueryError error={query.error} onRetry={() => void query.refetch()} list={list} />}
      {waiting ? (
        !query.error && <ListSkeleton />
      ) : !connection ? null : rows.length === 0 ? (
        emptyView
      ) : (
        <PagedList list={list} connection={connection} shown={rows.length} stale={query.isPlaceholderData}>
          {phone ? <TaskCards rows={rows} /> : <TasksTable rows={rows} sort={view.sort} onSort={sort} />}
        </PagedList>
      )}
    </>
  );

  return (
    <Box>
      <PageHeader
        title={t('crm.tasks.title')}
        subtitle={connection && !firstRun && !waiting ? t('crm.tasks.count', { count: connection.totalCount }) : !connection && query.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
        actions={firstRun ? null : newButton}
      />
      {firstRun ? (
        <EmptyPanel
          label={t('crm.tasks.firstRun.title')}
          icon={<IconChecklist />}
          title={t('crm.tasks.firstRun.title')}
          description={t('crm.tasks.firstRun.body')}
          action={
            canWrite ? (
              <Button leftSection={<IconPlus size={16} />} onClick={create.open}>
                {t('crm.tasks.firstRun.add')}
              </Button>
            ) : null
          }
        />
      ) : (
        <TasksTabs value={view.tab} onChange={switchTab}>
          <TasksFilters view={view} onChange={list.update} onSort={sort} onClear={() => list.clear(TASK_FILTER_KEYS)} />
          {oversees ? (
            // Beside the list on wide screens; above it otherwise, where a manager sees it first.
            <Grid gap="md">
              <Grid.Col span={{ base: 12, xl: 9 }} order={{ base: 2, xl: 1 }}>
                {listBlock}
              </Grid.Col>
              <Grid.Col span={{ base: 12, xl: 3 }} order={{ base: 1, xl: 2 }}>
                <OverduePanel active={view.tab === 'overdue' ? view.assignee : null} onPick={pickOverdue} />
              </Grid.Col>
            </Grid>
          ) : (
            listBlock
          )}
        </TasksTabs>
      )}
      <TaskCreateModal opened={creating} onClose={create.close} />
      <TaskModal taskId={openTask} onClose={closeTask} />
    </Box>
  );
}
