import { Anchor, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../lib/format';
import { DoubleOptInBadge } from './DoubleOptInBadge';
import type { ListRow } from './lists-view';

/** Lists as a table (desktop): name and description, how people join, and who is on it. */
export function ListsTable({ rows }: { rows: ListRow[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={720} type="native">
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label={t('subscriptions.lists.label')}>
          <Table.Thead bg="var(--mantine-color-default-hover)">
            <Table.Tr>
              <Table.Th w="40%">{t('subscriptions.lists.columns.name')}</Table.Th>
              <Table.Th>{t('subscriptions.lists.columns.joining')}</Table.Th>
              <Table.Th ta="right">{t('subscriptions.lists.columns.subscribed')}</Table.Th>
              <Table.Th ta="right">{t('subscriptions.lists.columns.pending')}</Table.Th>
              <Table.Th ta="right">{t('subscriptions.lists.columns.members')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((list) => (
              <Table.Tr key={list.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/campaigns/lists/${list.id}`} fw={600} fz="sm" c="var(--mantine-color-text)" style={{ overflowWrap: 'anywhere' }}>
                    {list.name}
                  </Anchor>
                  {list.description && (
                    <Text fz="xs" c="dimmed" lineClamp={1} style={{ overflowWrap: 'anywhere' }}>
                      {list.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <DoubleOptInBadge doubleOptIn={list.doubleOptIn} />
                </Table.Td>
                <Table.Td ta="right" fz="sm">
                  {format.number(list.subscribedCount)}
                </Table.Td>
                <Table.Td ta="right" fz="sm">
                  {format.number(list.pendingCount)}
                </Table.Td>
                <Table.Td ta="right" fz="sm">
                  {format.number(list.memberCount)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
