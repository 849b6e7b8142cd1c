import { Anchor, Card, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconMapPin, IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePlace } from '../shared/AddressView';
import { TagList } from '../shared/TagList';
import type { CustomerRow } from './customers-view';
import { CustomerKindIcon } from './CustomerKindIcon';
import { LifecycleBadge } from './LifecycleBadge';

/** Customers as cards (phones): name, kind and stage, then owner, place and tags. */
export function CustomerCards({ rows }: { rows: CustomerRow[] }) {
  const { t } = useTranslation();
  const place = usePlace();
  return (
    <Stack gap="sm" role="list" aria-label={t('crm.customers.listLabel')}>
      {rows.map((customer) => {
        const where = place(customer.address);
        const owner = customer.owner ? (customer.owner.name ?? customer.owner.email) : null;
        return (
          <Card key={customer.id} withBorder radius="md" padding="md" role="listitem">
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <CustomerKindIcon kind={customer.kind} size={36} />
              <Stack gap={4} miw={0} style={{ flex: 1 }}>
                <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                  <Anchor component={Link} to={`/customers/${customer.id}`} fw={600} c="var(--mantine-color-text)" style={{ overflowWrap: 'anywhere' }}>
                    {customer.name}
                  </Anchor>
                  <LifecycleBadge stage={customer.lifecycleStage} />
                </Group>
                {owner && (
                  <Group gap={6} wrap="nowrap">
                    <IconUserCircle size={14} aria-hidden />
                    <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
                      <VisuallyHidden>{t('crm.customers.fields.owner')}: </VisuallyHidden>
                      {owner}
                    </Text>
                  </Group>
                )}
                {where && (
                  <Group gap={6} wrap="nowrap">
                    <IconMapPin size={14} aria-hidden />
                    <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
                      <VisuallyHidden>{t('crm.customers.columns.place')}: </VisuallyHidden>
                      {where}
                    </Text>
                  </Group>
                )}
                <TagList tags={customer.tags} max={4} />
              </Stack>
            </Group>
          </Card>
        );
      })}
    </Stack>
  );
}
