import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import { DetailCard } from '../../crm/shared/DetailCard';
import type { AutomationDetail } from './automation-form';

/** Labels and counts in two columns, the counts aligned on the right. */
function FigureTable({ label, rows, strong = false }: { label: string; rows: [string, number][]; strong?: boolean }) {
  const format = useFormat();
  return (
    <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing={0} aria-label={label}>
      <Table.Tbody>
        {rows.map(([name, value]) => (
          <Table.Tr key={name}>
            <Table.Th fw={400} c="dimmed" fz="sm" scope="row">
              {name}
            </Table.Th>
            <Table.Td ta="right" fz="sm" fw={strong ? 600 : undefined}>
              {format.number(value)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** How many people went through it and how they stand; what its messages did. */
export function AutomationFigures({ automation }: { automation: AutomationDetail }) {
  const { t } = useTranslation();
  const stats = automation.stats;
  const messages = stats.messages;
  return (
    <DetailCard title={t('automations.figures.title')}>
      <FigureTable
        label={t('automations.figures.people')}
        strong
        rows={[
          [t('automations.figures.runs'), stats.runs],
          [t('automations.figures.active'), stats.active],
          [t('automations.figures.done'), stats.done],
          [t('automations.figures.stoppedRuns'), stats.stopped],
        ]}
      />
      <Text fz="sm" fw={600} mt="md" mb={4}>
        {t('automations.figures.messages')}
      </Text>
      <FigureTable
        label={t('automations.figures.messages')}
        rows={[
          [t('automations.figures.waiting'), messages.queued + messages.sending],
          // What left: taken by the provider, delivered, or bounced back afterwards.
          [t('automations.figures.sent'), messages.sent + messages.delivered + messages.bounced],
          [t('automations.figures.delivered'), messages.delivered],
          [t('automations.figures.opened'), messages.opened],
          [t('automations.figures.clicked'), messages.clicked],
          [t('automations.figures.bounced'), messages.bounced],
          [t('automations.figures.failed'), messages.failed],
          [t('automations.figures.unsubscribed'), messages.unsubscribed],
        ]}
      />
    </DetailCard>
  );
}
