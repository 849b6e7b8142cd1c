import { Anchor, Badge, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useApiQuery } from '../../../lib/use-api';
import { useCan, useSwitchedOn } from '../../../lib/viewer';
import { DetailCard } from '../shared/DetailCard';
import { CUSTOMER_DEALS } from './deal.documents';
import { MoneyAmount } from './DealMoney';
import { DealStatusBadge } from './DealStatusBadge';
import { ExpectedClose } from './ExpectedClose';
import { NewDealModal } from './NewDealModal';
import { RottingBadge } from './RottingBadge';

const SHOWN = 20;

/**
 * On a customer's card: its deals, newest first (open ones with their stage, closed ones won or lost),
 * and "New deal" with the customer chosen already. Shows nothing while deals are switched off.
 */
export function CustomerDeals({ customer }: { customer: { id: string; name: string } }) {
  const { t } = useTranslation();
  const can = useCan();
  const on = useSwitchedOn();
  const shown = on('CRM.deals');
  const [creating, setCreating] = useState(false);
  const query = useApiQuery(CUSTOMER_DEALS, { customerId: customer.id, first: SHOWN }, { enabled: shown });
  const connection = query.data?.customer.deals;
  const rows = connection?.edges.map((edge) => edge.node) ?? [];
  const title = t('deals.customerCard.title');
  if (!shown) return null;

  return (
    <DetailCard
      title={title}
      action={
        <Group gap="xs">
          {connection && (
            <Badge variant="light" color="gray" radius="sm" aria-label={t('deals.customerCard.count', { count: connection.totalCount })}>
              {connection.totalCount}
            </Badge>
          )}
          {can('CRM:write') && (
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)}>
              {t('deals.new.button')}
            </Button>
          )}
        </Group>
      }
    >
      {query.error ? (
        <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !connection ? (
        <Stack gap="sm" role="status" aria-label={t('common.loading')}>
          <Skeleton height={14} width="70%" />
          <Skeleton height={14} width="50%" />
        </Stack>
      ) : rows.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('deals.customerCard.none')}
        </Text>
      ) : (
        <Stack gap={0} role="list" aria-label={title}>
          {rows.map((deal, index) => (
            <Stack
              key={deal.id}
              role="listitem"
              gap={4}
              py="sm"
              style={index > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}
            >
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Anchor component={Link} to={`/deals/${deal.id}`} fw={600} fz="sm" c="var(--mantine-color-text)" style={{ overflowWrap: 'anywhere' }}>
                  {deal.title}
                </Anchor>
                <MoneyAmount money={deal.amount} fw={600} />
              </Group>
              <Group gap="xs" wrap="wrap">
                {deal.status === 'OPEN' ? (
                  <Text fz="xs" c="dimmed">
                    {deal.stage.name}
                  </Text>
                ) : (
                  <DealStatusBadge status={deal.status} size="xs" />
                )}
                <ExpectedClose day={deal.expectedCloseDate} open={deal.status === 'OPEN'} />
                {deal.rotting && <RottingBadge days={deal.daysWithoutActivity} size="xs" />}
              </Group>
            </Stack>
          ))}
        </Stack>
      )}
      {connection && connection.totalCount > rows.length && (
        <Text fz="sm" c="dimmed" mt="sm">
          {t('deals.customerCard.more', { count: connection.totalCount - rows.length })}
        </Text>
      )}
      <NewDealModal opened={creating} onClose={() => setCreating(false)} customer={customer} />
    </DetailCard>
  );
}
