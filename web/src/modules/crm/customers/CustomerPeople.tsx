import { Anchor, Badge, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowRight, IconCrown, IconMail, IconPhone, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CustomerDetailQuery } from '../../../gql/graphql';
import { PersonMessageActions } from '../messages/PersonMessageActions';
import { DetailCard } from '../shared/DetailCard';
import { NameAvatar } from '../shared/NameAvatar';

interface CustomerPeopleProps {
  customerId: string;
  people: CustomerDetailQuery['customer']['contacts'];
  canWrite: boolean;
}

/** The customer's people (the first 50) with their position, email and phone, and a way to add one. */
export function CustomerPeople({ customerId, people, canWrite }: CustomerPeopleProps) {
  const { t, i18n } = useTranslation();
  // The API gives the newest first; a short list reads best by name.
  const shown = people.edges.map((edge) => edge.node).sort((a, b) => a.fullName.localeCompare(b.fullName, i18n.language));
  const title = t('crm.customers.people.title');
  return (
    <DetailCard
      title={title}
      action={
        <Group gap="xs">
          <Badge variant="light" color="gray" radius="sm">
            {people.totalCount}
          </Badge>
          {canWrite && (
            <Button component={Link} to={`/contacts/new?customerId=${encodeURIComponent(customerId)}`} size="xs" variant="light" leftSection={<IconUserPlus size={14} />}>
              {t('crm.customers.people.add')}
            </Button>
          )}
        </Group>
      }
    >
      {shown.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('crm.customers.people.none')}
        </Text>
      ) : (
        <Stack gap={0} role="list" aria-label={title}>
          {shown.map((person, index) => (
            <Group
              key={person.id}
              role="listitem"
              gap="sm"
              wrap="nowrap"
              align="flex-start"
              py="sm"
              style={index > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}
            >
              <NameAvatar name={person.fullName} size={36} />
              <Stack gap={2} miw={0} style={{ flex: 1 }}>
                <Anchor component={Link} to={`/contacts/${person.id}`} fw={600} fz="sm" c="var(--mantine-color-text)" style={{ overflowWrap: 'anywhere' }}>
                  {person.fullName}
                </Anchor>
                {person.position && (
                  <Group gap={4} wrap="nowrap">
                    <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {person.position.name}
                    </Text>
                    {person.position.decisionMaker && (
                      <Tooltip label={t('crm.positions.decisionMaker')}>
                        <IconCrown size={13} color="var(--mantine-color-yellow-7)" role="img" aria-label={t('crm.positions.decisionMaker')} />
                      </Tooltip>
                    )}
                  </Group>
                )}
                <Group gap="md" wrap="wrap">
                  {person.email && (
                    <Group gap={4} wrap="nowrap" miw={0}>
                      <IconMail size={13} aria-hidden />
                      <Anchor href={`mailto:${person.email}`} fz="xs" style={{ overflowWrap: 'anywhere' }}>
                        {person.email}
                      </Anchor>
                    </Group>
                  )}
                  {person.phone && (
                    <Group gap={4} wrap="nowrap">
                      <IconPhone size={13} aria-hidden />
                      <Anchor href={`tel:${person.phone}`} fz="xs">
                        {person.phone}
                      </Anchor>
                    </Group>
                  )}
                </Group>
              </Stack>
              <PersonMessageActions customerId={customerId} person={person} />
            </Group>
          ))}
        </Stack>
      )}
      {people.totalCount > shown.length && (
        <Anchor component={Link} to={`/contacts?customer=${encodeURIComponent(customerId)}`} fz="sm" mt="sm" display="inline-block">
          <Group gap={4}>
            {t('crm.customers.people.all', { count: people.totalCount })}
            <IconArrowRight size={14} aria-hidden />
          </Group>
        </Anchor>
      )}
    </DetailCard>
  );
}
