import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { IconBolt } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../lib/format';
import { AutomationStatusBadge } from './AutomationStatusBadge';
import type { AutomationRow } from './automations-view';
import { triggerWords } from './automation-words';
import { useAutomationOptions, useHourFormat } from './use-automation-names';

/** Automations as cards (phones): name and status, what starts it, then the people in it. */
export function AutomationCards({ rows }: { rows: AutomationRow[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { names } = useAutomationOptions();
  const hour = useHourFormat();
  return (
    <Stack gap="sm" role="list" aria-label={t('automations.list.label')}>
      {rows.map((automation) => (
        <Card key={automation.id} withBorder radius="md" padding="md" role="listitem">
          <Stack gap={6}>
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Anchor component={Link} to={`/campaigns/automations/${automation.id}`} fw={600} c="var(--mantine-color-text)" style={{ overflowWrap: 'anywhere' }}>
                {automation.name}
              </Anchor>
              <AutomationStatusBadge status={automation.status} size="xs" />
            </Group>
            <Group gap={6} wrap="nowrap" align="flex-start">
              <IconBolt size={14} aria-hidden style={{ flex: 'none', marginTop: 3 }} />
              <Text fz="sm">{triggerWords(t, automation.trigger, names, hour)}</Text>
            </Group>
            <Text fz="sm" c="dimmed">
              {t('automations.list.figures', { active: format.number(automation.stats.active), done: format.number(automation.stats.done) })}
            </Text>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
