import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ChannelBadge } from '../shared/ChannelBadge';
import { templateSummary, type TemplateRow } from './templates-view';

/** Templates as cards (phones): name and channel, then the subject or the text. */
export function TemplateCards({ rows }: { rows: TemplateRow[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" role="list" aria-label={t('marketing.templates.list.label')}>
      {rows.map((template) => (
        <Card key={template.id} withBorder radius="md" padding="md" role="listitem">
          <Stack gap={6}>
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Anchor component={Link} to={`/campaigns/templates/${template.id}`} fw={600} c="var(--mantine-color-text)" style={{ overflowWrap: 'anywhere' }}>
                {template.name}
              </Anchor>
              <ChannelBadge channel={template.channel} size="xs" />
            </Group>
            <Text fz="sm" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
              {templateSummary(template)}
            </Text>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
