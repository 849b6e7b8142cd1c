import { Anchor, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../lib/format';
import { AutomationStatusBadge } from './AutomationStatusBadge';
import type { AutomationRow } from './automations-view';
import { triggerWords } from './automation-words';
import { useAutomationOptions, useHourFormat } from './use-automation-names';

/** Automations as a table (desktop): name, what starts it, status, people in progress and done. */
export function AutomationsTable({ rows }: { rows: AutomationRow[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { names } = useAutomationOptions();
  const hour = useHourFormat();
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={760} type="native">
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label={t('automations.list.label')}>
          <Table.Thead bg="var(--mantine-color-default-hover)">
            <Table.Tr>
              <Table.Th w="26%">{t('automations.columns.name')}</Table.Th>
              <Table.Th>{t('automations.columns.trigger')}</Table.Th>
              <Table.Th>{t('automations.columns.status')}</Table.Th>
              <Table.Th ta="right">{t('automations.columns.inProgress')}</Table.Th>
              <Table.Th ta="right">{t('automations.columns.done')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((automation) => (
              <Table.Tr key={automation.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/campaigns/automations/${automation.id}`} fw={600} fz="sm" c="var(--mantine-color-text)" style={{ overflowWrap: 'anywhere' }}>
                    {automation.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{triggerWords(t, automation.trigger, names, hour)}</Text>
                </Table.Td>
                <Table.Td>
                  <AutomationStatusBadge status={automation.status} />
                </Table.Td>
                <Table.Td ta="right">
                  <Text fz="sm">{format.number(automation.stats.active)}</Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text fz="sm">{format.number(automation.stats.done)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
