import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../lib/format';
import { DoubleOptInBadge } from './DoubleOptInBadge';
import type { ListRow } from './lists-view';

/** Lists as cards (phones): name, how people join, and the counts in a line. */
export function ListCards({ rows }: { rows: ListRow[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="sm" role="list" aria-label={t('subscriptions.lists.label')}>
      {rows.map((list) => (
        <Card key={list.id} withBorder radius="md" padding="md" role="listitem">
          <Stack gap={6}>
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Anchor component={Link} to={`/campaigns/lists/${list.id}`} fw={600} c="var(--mantine-color-text)" style={{ overflowWrap: 'anywhere' }}>
                {list.name}
              </Anchor>
              <DoubleOptInBadge doubleOptIn={list.doubleOptIn} size="xs" />
            </Group>
            <Text fz="sm" c="dimmed">
              {t('subscriptions.lists.counts', { subscribed: format.number(list.subscribedCount), pending: format.number(list.pendingCount) })}
            </Text>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
