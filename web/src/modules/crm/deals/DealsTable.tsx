import { Anchor, Box, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OrderDirection } from '../../../gql/graphql';
import { SortableTh } from '../shared/SortableTh';
import type { Sort } from '../shared/sort';
import { AssigneeName } from '../tasks/AssigneeName';
import type { DealRow } from './deals-view';
import { MoneyAmount } from './DealMoney';
import { DealStatusBadge } from './DealStatusBadge';
import { ExpectedClose } from './ExpectedClose';
import { RottingBadge } from './RottingBadge';

interface DealsTableProps {
  rows: DealRow[];
  sort: Sort<string>;
  onSort: (key: string, direction: OrderDirection | null) => void;
}

/** Deals as a table (wide screens): deal and customer, stage and status, amount, expected close, owner, activity. */
export function DealsTable({ rows, sort, onSort }: DealsTableProps) {
  const { t } = useTranslation();
  const header = (key: string, label: string, width?: string | number) => (
    <SortableTh active={sort.key === key} direction={sort.direction} onSort={() => onSort(key, sort.key === key ? (sort.direction === 'ASC' ? 'DESC' : 'ASC') : null)} width={width}>
      {label}
    </SortableTh>
  );
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={880} type="native">
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label={t('deals.list.label')}>
          <Table.Thead bg="var(--mantine-color-default-hover)">
            <Table.Tr>
              {header('title', t('deals.columns.deal'), '30%')}
              <Table.Th>{t('deals.columns.stage')}</Table.Th>
              {header('amount', t('deals.columns.amount'))}
              {header('close', t('deals.columns.expectedClose'))}
              <Table.Th>{t('deals.columns.owner')}</Table.Th>
              <Table.Th>{t('deals.columns.activity')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((deal) => (
              <Table.Tr key={deal.id}>
                <Table.Td>
                  <Stack gap={0} miw={0}>
                    <Anchor component={Link} to={`/deals/${deal.id}`} fw={600} fz="sm" c="var(--mantine-color-text)" style={{ overflowWrap: 'anywhere' }}>
                      {deal.title}
                    </Anchor>
                    <Text fz="xs" c="dimmed" truncate="end">
                      {deal.customer.name}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text fz="sm">{deal.stage.name}</Text>
                    {deal.status !== 'OPEN' && <DealStatusBadge status={deal.status} size="xs" />}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <MoneyAmount money={deal.amount} />
                </Table.Td>
                <Table.Td>{deal.expectedCloseDate ? <ExpectedClose day={deal.expectedCloseDate} open={deal.status === 'OPEN'} /> : <Text fz="sm" c="dimmed">{t('common.none')}</Text>}</Table.Td>
                <Table.Td>
                  <Box maw={200}>
                    <AssigneeName assignee={deal.owner} />
                  </Box>
                </Table.Td>
                <Table.Td>
                  {deal.rotting ? (
                    <RottingBadge days={deal.daysWithoutActivity} />
                  ) : (
                    <Text fz="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {t('deals.idle', { count: deal.daysWithoutActivity })}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
