import { Anchor, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AutomationRunStatus } from '../../../gql/graphql';
import { useFormat } from '../../../lib/format';
import { useApiQuery } from '../../../lib/use-api';
import { ListQueryError } from '../../crm/shared/ListQueryError';
import { ListSkeleton } from '../../crm/shared/ListSkeleton';
import { PagedList } from '../../crm/shared/PagedList';
import { PAGE_SIZE, useListUrl } from '../../crm/shared/use-list-url';
import { AUTOMATION_RUNS } from './automation.documents';
import { runProgressWords } from './automation-words';
import { RunStatusBadge } from './AutomationStatusBadge';

const RUN_STATUSES: AutomationRunStatus[] = ['ACTIVE', 'DONE', 'STOPPED', 'EXCLUDED'];
const ALL = 'ALL';

function isRunStatus(value: string | null): value is AutomationRunStatus {
  return RUN_STATUSES.some((status) => status === value);
}

interface AutomationRunsProps {
  automationId: string;
  stepCount: number;
  /** Asked again this often while the automation is on. */
  refreshMs?: number;
}

/** The people who went (or go) through the automation, newest first, 25 a page, narrowed by how their run stands (`?run=DONE`). */
export function AutomationRuns({ automationId, stepCount, refreshMs }: AutomationRunsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useListUrl();
  const param = list.params.get('run');
  const status = isRunStatus(param) ? param : null;
  const query = useApiQuery(
    AUTOMATION_RUNS,
    { id: automationId, first: PAGE_SIZE, after: list.after, filter: status ? { statuses: [status] } : null },
    { keepPrevious: true, refetchInterval: refreshMs },
  );
  const connection = query.data?.automation.runs;
  const rows = connection?.edges.map((edge) => edge.node) ?? [];

  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={t('automations.runs.statusFilter')}
        value={status ?? ALL}
        onChange={(value) => list.update({ run: value === ALL ? null : value }, { replace: true })}
        data={[{ value: ALL, label: t('automations.runs.anyStatus') }, ...RUN_STATUSES.map((value) => ({ value, label: t(`automations.runStatus.${value}`) }))]}
        size="xs"
        style={{ alignSelf: 'flex-start', maxWidth: '100%', overflowX: 'auto' }}
      />
      {query.error && <ListQueryError error={query.error} onRetry={() => void query.refetch()} list={list} />}
      {!connection ? (
        !query.error && <ListSkeleton />
      ) : rows.length === 0 ? (
        <Text fz="sm" c="dimmed" py="md">
          {status ? t('automations.runs.noneWithStatus') : t('automations.runs.none')}
        </Text>
      ) : (
        <PagedList list={list} connection={connection} shown={rows.length} stale={query.isPlaceholderData}>
          <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
            <Table.ScrollContainer minWidth={540} type="native">
              <Table verticalSpacing="xs" horizontalSpacing="sm" aria-label={t('automations.runs.label')}>
                <Table.Thead bg="var(--mantine-color-default-hover)">
                  <Table.Tr>
                    <Table.Th>{t('automations.runs.person')}</Table.Th>
                    <Table.Th>{t('automations.runs.status')}</Table.Th>
                    <Table.Th>{t('automations.runs.progress')}</Table.Th>
                    <Table.Th>{t('automations.runs.started')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((run) => (
                    <Table.Tr key={run.id}>
                      <Table.Td>
                        {run.contact ? (
                          <Stack gap={0}>
                            <Anchor component={Link} to={`/contacts/${run.contact.id}`} fz="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                              {run.contact.fullName}
                            </Anchor>
                            {run.contact.email && (
                              <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                                {run.contact.email}
                              </Text>
                            )}
                          </Stack>
                        ) : (
                          <Text fz="sm" c="dimmed">
                            {t('automations.runs.hiddenPerson')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <RunStatusBadge status={run.status} />
                      </Table.Td>
                      <Table.Td>
                        <Text fz="sm">{runProgressWords(t, run, stepCount)}</Text>
                        {run.status === 'ACTIVE' && run.nextRunAt && (
                          <Text fz="xs" c="dimmed">
                            {t('automations.runs.dueAt', { time: format.dateTime(run.nextRunAt) })}
                          </Text>
                        )}
                        {run.status !== 'ACTIVE' && run.finishedAt && (
                          <Text fz="xs" c="dimmed">
                            {format.dateTime(run.finishedAt)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text fz="sm">{format.dateTime(run.createdAt)}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        </PagedList>
      )}
    </Stack>
  );
}
