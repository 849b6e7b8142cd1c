import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AssigneeName } from '../tasks/AssigneeName';
import type { DealRow } from './deals-view';
import { MoneyAmount } from './DealMoney';
import { DealStatusBadge } from './DealStatusBadge';
import { ExpectedClose } from './ExpectedClose';
import { RottingBadge } from './RottingBadge';

/** Deals as cards (phones): title and status, customer and stage, amount and expected close, owner and activity. */
export function DealCards({ rows }: { rows: DealRow[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" role="list" aria-label={t('deals.list.label')}>
      {rows.map((deal) => (
        <Card key={deal.id} withBorder radius="md" padding="md" role="listitem">
          <Stack gap={6}>
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Anchor component={Link} to={`/deals/${deal.id}`} fw={600} c="var(--mantine-color-text)" style={{ overflowWrap: 'anywhere' }}>
                {deal.title}
              </Anchor>
              <DealStatusBadge status={deal.status} />
            </Group>
            <Text fz="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {t('deals.card.customerStage', { customer: deal.customer.name, stage: deal.stage.name })}
            </Text>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <MoneyAmount money={deal.amount} fw={600} />
              <ExpectedClose day={deal.expectedCloseDate} open={deal.status === 'OPEN'} />
            </Group>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <AssigneeName assignee={deal.owner} />
              {deal.rotting && <RottingBadge days={deal.daysWithoutActivity} />}
            </Group>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
