import { Button, Select } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OrderDirection } from '../../../gql/graphql';
import { FilterBar } from '../shared/FilterBar';
import { ListSearch } from '../shared/ListSearch';
import { SortControl } from '../shared/SortControl';
import { AssigneeSelect } from './AssigneeSelect';
import { TASK_SORTS, UNASSIGNED, type TasksView } from './tasks-view';

interface TasksFiltersProps {
  view: TasksView;
  onChange: (changes: Record<string, string | null>, options?: { replace?: boolean }) => void;
  onSort: (key: string, direction: OrderDirection | null) => void;
  onClear: () => void;
}

/** Search, the status and assignee filters, and the sort of the tasks list. */
export function TasksFilters({ view, onChange, onSort, onClear }: TasksFiltersProps) {
  const { t } = useTranslation();
  const sortLabels: Record<string, string> = { due: t('crm.tasks.sort.due'), created: t('crm.tasks.sort.created') };
  return (
    <FilterBar
      label={t('crm.tasks.filtersLabel')}
      toggleLabel={t('crm.list.filters')}
      activeCount={(view.status !== 'open' ? 1 : 0) + (view.assignee ? 1 : 0)}
      search={<ListSearch label={t('crm.tasks.searchLabel')} placeholder={t('crm.tasks.searchPlaceholder')} value={view.search} onSearch={(q) => onChange({ q }, { replace: true })} />}
    >
      {view.tab !== 'overdue' && (
        <Select
          label={t('crm.tasks.statusFilter')}
          data={[
            { value: 'open', label: t('crm.tasks.status.open') },
            { value: 'done', label: t('crm.tasks.status.done') },
            { value: 'all', label: t('crm.tasks.status.all') },
          ]}
          value={view.status}
          allowDeselect={false}
          onChange={(status) => onChange({ status: status === 'open' ? null : status })}
          style={{ flex: '1 1 8rem' }}
        />
      )}
      {view.tab !== 'mine' && (
        <AssigneeSelect
          label={t('crm.tasks.assigneeFilter')}
          nobodyValue={UNASSIGNED}
          anyone
          value={view.assignee}
          onChange={(assignee) => onChange({ assignee })}
          style={{ flex: '1 1 12rem' }}
        />
      )}
      <SortControl options={TASK_SORTS.map((option) => ({ value: option.key, label: sortLabels[option.key] ?? option.key }))} value={view.sort.key} direction={view.sort.direction} onChange={onSort} />
      {view.narrowed && (
        <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={16} />} onClick={onClear}>
          {t('crm.list.clearFilters')}
        </Button>
      )}
    </FilterBar>
  );
}
