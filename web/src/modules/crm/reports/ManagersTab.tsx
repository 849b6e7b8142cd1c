import { Group, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import type { ReportFilter, ReportManagersQuery } from '../../../gql/graphql';
import { useFormat } from '../../../lib/format';
import { useApiQuery } from '../../../lib/use-api';
import { MoneyTotals } from '../deals/DealMoney';
import { EmptyPanel } from '../shared/EmptyPanel';
import { NameAvatar } from '../shared/NameAvatar';
import { SortableTh } from '../shared/SortableTh';
import { MANAGER_PERFORMANCE } from './report.documents';
import { usePercent } from './report-format';
import { ReportSkeleton } from './ReportState';

type Row = ReportManagersQuery['managerPerformance'][number];

function activityTotal(row: Row): number {
  const { calls, meetings, emails, sms, notes } = row.activities;
  return calls + meetings + emails + sms + notes;
}

/** Numeric columns the table sorts by (money in several currencies does not add up, so it does not sort). */
const SORTS: Record<string, (row: Row) => number> = {
  created: (row) => row.dealsCreated,
  won: (row) => row.won,
  lost: (row) => row.lost,
  conversion: (row) => (row.conversion === null || row.conversion === undefined ? -1 : Number(row.conversion)),
  open: (row) => row.openDeals,
  activity: activityTotal,
  tasks: (row) => row.tasksCompleted,
  overdue: (row) => row.overdueTasks,
};

interface ManagersTabProps {
  filter: ReportFilter;
  sort: string;
  dir: 'asc' | 'desc';
  onSort: (sort: string, dir: 'asc' | 'desc') => void;
}

/** Per member: deals created, won and lost, conversion, amounts won and weighted pipeline, activity, tasks done and overdue. */
export function ManagersTab({ filter, sort, dir, onSort }: ManagersTabProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const percent = usePercent();
  const query = useApiQuery(MANAGER_PERFORMANCE, { filter }, { keepPrevious: true });
  const rows = query.data?.managerPerformance;

  if (query.error) return <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!rows) return <ReportSkeleton />;
  if (rows.length === 0) {
    return <EmptyPanel label={t('reports.managers.empty.title')} icon={<IconUsersGroup />} title={t('reports.managers.empty.title')} description={t('reports.managers.empty.body')} />;
  }

  const nameOf = (row: Row) => (row.manager ? (row.manager.name ?? row.manager.email) : t('reports.managers.nobody'));
  const key = sort === 'name' || sort in SORTS ? sort : 'won';
  const sorted = [...rows].sort((a, b) => {
    const order = key === 'name' ? nameOf(a).localeCompare(nameOf(b), i18n.language) : (SORTS[key]?.(a) ?? 0) - (SORTS[key]?.(b) ?? 0);
    return dir === 'asc' ? order : -order;
  });
  const header = (column: string, label: string, natural: 'asc' | 'desc' = 'desc') => (
    <SortableTh active={key === column} direction={dir === 'asc' ? 'ASC' : 'DESC'} onSort={() => onSort(column, key === column ? (dir === 'asc' ? 'desc' : 'asc') : natural)}>
      {label}
    </SortableTh>
  );

  return (
    <Stack gap="md" style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
      <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={1080} type="native">
          <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label={t('reports.managers.tableLabel')}>
            <Table.Thead bg="var(--mantine-color-default-hover)">
              <Table.Tr>
                {header('name', t('reports.managers.manager'), 'asc')}
                {header('created', t('reports.managers.created'))}
                {header('won', t('reports.managers.won'))}
                {header('lost', t('reports.managers.lost'))}
                {header('conversion', t('reports.managers.conversion'))}
                <Table.Th>{t('reports.managers.wonAmount')}</Table.Th>
                {header('open', t('reports.managers.open'))}
                <Table.Th>{t('reports.managers.weighted')}</Table.Th>
                {header('activity', t('reports.managers.activity'))}
                {header('tasks', t('reports.managers.tasks'))}
                {header('overdue', t('reports.managers.overdue'))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((row) => {
                const name = nameOf(row);
                const { calls, meetings, emails, sms, notes } = row.activities;
                const breakdown = t('reports.managers.activityBreakdown', { calls, meetings, emails, sms, notes });
                return (
                  <Table.Tr key={row.manager?.id ?? 'nobody'}>
                    <Table.Td>
                      <Group gap={8} wrap="nowrap">
                        <NameAvatar name={name} size={24} />
                        <Text fz="sm" fw={600} fs={row.manager ? undefined : 'italic'}>
                          {name}
                        </Text>
                      </Group>
                    </Table.Td>
                    <Table.Td>{format.number(row.dealsCreated)}</Table.Td>
                    <Table.Td>{format.number(row.won)}</Table.Td>
                    <Table.Td>{format.number(row.lost)}</Table.Td>
                    <Table.Td>{percent(row.conversion)}</Table.Td>
                    <Table.Td>
                      <MoneyTotals totals={row.wonAmount} />
                    </Table.Td>
                    <Table.Td>{format.number(row.openDeals)}</Table.Td>
                    <Table.Td>
                      <MoneyTotals totals={row.weightedPipeline} />
                    </Table.Td>
                    <Table.Td>
                      <Tooltip label={breakdown} withArrow>
                        <Text fz="sm" span aria-label={breakdown} td="underline" style={{ cursor: 'help' }}>
                          {format.number(activityTotal(row))}
                        </Text>
                      </Tooltip>
                    </Table.Td>
                    <Table.Td>{format.number(row.tasksCompleted)}</Table.Td>
                    <Table.Td>
                      <Text fz="sm" c={row.overdueTasks > 0 ? 'red.7' : undefined} fw={row.overdueTasks > 0 ? 600 : undefined} span>
                        {format.number(row.overdueTasks)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Text fz="xs" c="dimmed">
        {t('reports.managers.explain')}
      </Text>
    </Stack>
  );
}
