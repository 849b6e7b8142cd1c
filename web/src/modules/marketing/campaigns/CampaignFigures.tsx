import { Paper, SimpleGrid, Text } from '@mantine/core';
import { Decimal } from 'decimal.js';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../../i18n/languages';
import { useFormat } from '../../../lib/format';
import type { CampaignDetail } from './campaign-form';
import { sentCount } from './campaigns-view';

/**
 * The headline figures, eight in two rows: who it went to and what left; for email what people opened,
 * clicked and what bounced, for SMS what was delivered, clicked and failed (shares of what left); who
 * unsubscribed, who was left out when their turn came, and what each message cost.
 */
export function CampaignFigures({ campaign }: { campaign: CampaignDetail }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const stats = campaign.stats;
  const sent = sentCount(stats);
  const percent = new Intl.NumberFormat(intlLocale(i18n.language), { style: 'percent', maximumFractionDigits: 1 });
  const share = (count: number) => (
    <>
      {format.number(count)}
      {sent > 0 && (
        <Text span fz="sm" c="dimmed" fw={400} ml={6}>
          {percent.format(count / sent)}
        </Text>
      )}
    </>
  );
  const costPer = campaign.cost && sent > 0 ? format.money(new Decimal(campaign.cost.amount).div(sent).toFixed(4), campaign.cost.currency) : null;
  const byChannel =
    campaign.channel === 'EMAIL'
      ? [
          { label: t('marketing.stats.opened'), value: share(stats.opened) },
          { label: t('marketing.stats.clicked'), value: share(stats.clicked) },
          { label: t('marketing.stats.state.bounced'), value: share(stats.bounced) },
        ]
      : [
          { label: t('marketing.stats.delivered'), value: share(stats.delivered) },
          { label: t('marketing.stats.clicked'), value: share(stats.clicked) },
          { label: t('marketing.stats.state.failed'), value: share(stats.failed) },
        ];
  const figures = [
    { label: t('marketing.stats.recipients'), value: format.number(stats.recipients) },
    { label: t('marketing.stats.sent'), value: format.number(sent) },
    ...byChannel,
    { label: t('marketing.stats.unsubscribed'), value: share(stats.unsubscribed) },
    { label: t('marketing.stats.state.skipped'), value: format.number(stats.skipped) },
    { label: t('marketing.stats.costPerMessage'), value: costPer ?? t('common.none') },
  ];
  const title = t('marketing.stats.figures');
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" role="list" aria-label={title}>
      {figures.map((stat) => (
        <Paper key={stat.label} withBorder radius="md" p="md" role="listitem">
          <Text fz="xs" c="dimmed" tt="uppercase" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {stat.label}
          </Text>
          <Text fz="lg" fw={700} mt={4}>
            {stat.value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
