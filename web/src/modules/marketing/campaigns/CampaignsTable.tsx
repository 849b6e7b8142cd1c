import { Anchor, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../lib/format';
import { CampaignStatusBadge } from '../shared/CampaignStatusBadge';
import { ChannelBadge } from '../shared/ChannelBadge';
import { useZonedFormat } from '../shared/use-zoned-format';
import { sentCount, type CampaignRow } from './campaigns-view';
import { Share } from './Share';

/** Campaigns as a table (desktop): name, channel, status, send time in the campaign's zone, recipients and what they did. */
export function CampaignsTable({ rows }: { rows: CampaignRow[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const zoned = useZonedFormat();
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={860} type="native">
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label={t('marketing.campaigns.list.label')}>
          <Table.Thead bg="var(--mantine-color-default-hover)">
            <Table.Tr>
              <Table.Th w="28%">{t('marketing.campaigns.columns.name')}</Table.Th>
              <Table.Th>{t('marketing.campaigns.columns.channel')}</Table.Th>
              <Table.Th>{t('marketing.campaigns.columns.status')}</Table.Th>
              <Table.Th>{t('marketing.campaigns.columns.sendAt')}</Table.Th>
              <Table.Th ta="right">{t('marketing.campaigns.columns.recipients')}</Table.Th>
              <Table.Th ta="right">{t('marketing.campaigns.columns.sent')}</Table.Th>
              <Table.Th ta="right">{t('marketing.campaigns.columns.opened')}</Table.Th>
              <Table.Th ta="right">{t('marketing.campaigns.columns.clicked')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((campaign) => {
              const sent = sentCount(campaign.stats);
              return (
                <Table.Tr key={campaign.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/campaigns/${campaign.id}`} fw={600} fz="sm" c="var(--mantine-color-text)" style={{ overflowWrap: 'anywhere' }}>
                      {campaign.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <ChannelBadge channel={campaign.channel} />
                  </Table.Td>
                  <Table.Td>
                    <CampaignStatusBadge status={campaign.status} />
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm" c={campaign.sendAt ? undefined : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
                      {campaign.sendAt ? zoned(campaign.sendAt, campaign.timeZone) : t('marketing.campaigns.list.notScheduled')}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text fz="sm">{campaign.stats.recipients > 0 ? format.number(campaign.stats.recipients) : t('common.none')}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text fz="sm">{format.number(sent)}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Share count={campaign.stats.opened} of={sent} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Share count={campaign.stats.clicked} of={sent} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
