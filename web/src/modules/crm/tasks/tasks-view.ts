import type { TaskFilter, TaskOrderField, TasksListQuery } from '../../../gql/graphql';
import { readSort, type Sort, type SortOption } from '../shared/sort';

export type TaskRow = TasksListQuery['tasks']['edges'][number]['node'];

export const TASK_SORTS: SortOption<TaskOrderField>[] = [
  { key: 'due', field: 'DUE_AT', natural: 'ASC' },
  { key: 'created', field: 'CREATED_AT', natural: 'DESC' },
];

const DEFAULT_SORT: SortOption<TaskOrderField> = { key: 'due', field: 'DUE_AT', natural: 'ASC' };

export type TaskTab = 'mine' | 'all' | 'overdue';
export type TaskStatusChoice = 'open' | 'done' | 'all';

/** The assignee filter's value for tasks nobody is assigned to. */
export const UNASSIGNED = 'none';

/** Address parameters that narrow the tasks list beyond its tab; clearing the filters removes them. */
export const TASK_FILTER_KEYS = ['q', 'status', 'assignee'];

export interface TasksView {
  tab: TaskTab;
  search: string;
  status: TaskStatusChoice;
  /** A member's id, UNASSIGNED, or null for anyone (never on "My tasks"). */
  assignee: string | null;
  sort: Sort<TaskOrderField>;
  /** A search or a filter narrows the list (the tab alone does not). */
  narrowed: boolean;
  filter: TaskFilter;
}

function tabOf(value: string | null): TaskTab {
  return value === 'all' || value === 'overdue' ? value : 'mine';
}

function statusOf(value: string | null): TaskStatusChoice {
  return value === 'done' || value === 'all' ? value : 'open';
}

/** The tasks list as the address describes it (`?tab=all&status=done&q=call&assignee=…&sort=due&dir=asc&after=…`). */
export function readTasksView(params: URLSearchParams): TasksView {
  const tab = tabOf(params.get('tab'));
  const search = (params.get('q') ?? '').trim();
  // Overdue tasks are open by definition: the status filter does not apply there.
  const status = tab === 'overdue' ? 'open' : statusOf(params.get('status'));
  const assignee = tab === 'mine' ? null : params.get('assignee') || null;
  const filter: TaskFilter = {};
  if (tab === 'mine') filter.mine = true;
  if (tab === 'overdue') filter.overdue = true;
  if (status === 'done') filter.status = 'DONE';
  if (status === 'all') filter.status = 'ALL';
  if (assignee === UNASSIGNED) filter.unassigned = true;
  else if (assignee) filter.assigneeId = assignee;
  if (search) filter.search = search;
  const narrowed = search !== '' || status !== 'open' || assignee !== null;
  return { tab, search, status, assignee, sort: readSort(params, TASK_SORTS, DEFAULT_SORT), narrowed, filter };
}
