import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowRight, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CompanyDetailQuery } from '../../../gql/graphql';
import { DetailCard } from '../shared/DetailCard';
import { NameAvatar } from '../shared/NameAvatar';

interface CompanyPeopleProps {
  companyId: string;
  people: CompanyDetailQuery['company']['contacts'];
  canWrite: boolean;
}

/** The people who work at a company (the first 50), and a way to add one there. */
export function CompanyPeople({ companyId, people, canWrite }: CompanyPeopleProps) {
  const { t, i18n } = useTranslation();
  // The API gives the newest first; a short list reads best by name.
  const shown = people.edges.map((edge) => edge.node).sort((a, b) => a.fullName.localeCompare(b.fullName, i18n.language));
  return (
    <DetailCard
      title={t('crm.companies.people.title')}
      action={
        <Group gap="xs">
          <Badge variant="light" color="gray" radius="sm">
            {people.totalCount}
          </Badge>
          {canWrite && (
            <Button component={Link} to={`/contacts/new?companyId=${encodeURIComponent(companyId)}`} size="xs" variant="light" leftSection={<IconUserPlus size={14} />}>
              {t('crm.companies.people.add')}
            </Button>
          )}
        </Group>
      }
    >
      {shown.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('crm.companies.people.none')}
        </Text>
      ) : (
        <Stack gap={0} role="list" aria-label={t('crm.companies.people.title')}>
          {shown.map((person, index) => (
            <Group
              key={person.id}
              role="listitem"
              gap="sm"
              wrap="nowrap"
              py="sm"
              style={index > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}
            >
              <NameAvatar name={person.fullName} size={36} />
              <Stack gap={0} miw={0} style={{ flex: 1 }}>
                <Anchor component={Link} to={`/contacts/${person.id}`} fw={600} fz="sm" c="var(--mantine-color-text)" style={{ overflowWrap: 'anywhere' }}>
                  {person.fullName}
                </Anchor>
                {person.jobTitle && (
                  <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {person.jobTitle}
                  </Text>
                )}
              </Stack>
              {person.email && (
                <Anchor href={`mailto:${person.email}`} fz="sm" visibleFrom="sm" truncate="end" maw="45%">
                  {person.email}
                </Anchor>
              )}
            </Group>
          ))}
        </Stack>
      )}
      {people.totalCount > shown.length && (
        <Anchor component={Link} to={`/contacts?company=${encodeURIComponent(companyId)}`} fz="sm" mt="sm" display="inline-block">
          <Group gap={4}>
            {t('crm.companies.people.all', { count: people.totalCount })}
            <IconArrowRight size={14} aria-hidden />
          </Group>
        </Anchor>
      )}
    </DetailCard>
  );
}
