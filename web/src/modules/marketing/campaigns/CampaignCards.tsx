import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../lib/format';
import { CampaignStatusBadge } from '../shared/CampaignStatusBadge';
import { ChannelBadge } from '../shared/ChannelBadge';
import { useZonedFormat } from '../shared/use-zoned-format';
import { sentCount, type CampaignRow } from './campaigns-view';

/** Campaigns as cards (phones): name and status, channel and send time, then what recipients did. */
export function CampaignCards({ rows }: { rows: CampaignRow[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const zoned = useZonedFormat();
  return (
    <Stack gap="sm" role="list" aria-label={t('marketing.campaigns.list.label')}>
      {rows.map((campaign) => (
        <Card key={campaign.id} withBorder radius="md" padding="md" role="listitem">
          <Stack gap={6}>
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Anchor component={Link} to={`/campaigns/${campaign.id}`} fw={600} c="var(--mantine-color-text)" style={{ overflowWrap: 'anywhere' }}>
                {campaign.name}
              </Anchor>
              <CampaignStatusBadge status={campaign.status} size="xs" />
            </Group>
            <Group gap="xs" wrap="wrap">
              <ChannelBadge channel={campaign.channel} size="xs" />
              <Group gap={4} wrap="nowrap">
                <IconClock size={14} aria-hidden />
                <Text fz="sm" c={campaign.sendAt ? undefined : 'dimmed'}>
                  {campaign.sendAt ? zoned(campaign.sendAt, campaign.timeZone) : t('marketing.campaigns.list.notScheduled')}
                </Text>
              </Group>
            </Group>
            {campaign.stats.recipients > 0 && (
              <Text fz="sm" c="dimmed">
                {t('marketing.campaigns.list.figures', {
                  recipients: format.number(campaign.stats.recipients),
                  sent: format.number(sentCount(campaign.stats)),
                  opened: format.number(campaign.stats.opened),
                  clicked: format.number(campaign.stats.clicked),
                })}
              </Text>
            )}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
