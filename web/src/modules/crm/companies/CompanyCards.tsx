import { Anchor, Badge, Card, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconMail, IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NameAvatar } from '../shared/NameAvatar';
import type { CompanyRow } from './companies-view';

/** Companies as cards (phones). */
export function CompanyCards({ rows }: { rows: CompanyRow[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" role="list" aria-label={t('crm.companies.listLabel')}>
      {rows.map((company) => (
        <Card key={company.id} withBorder radius="md" padding="md" role="listitem">
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <NameAvatar name={company.name} size={40} square />
            <Stack gap={4} miw={0} style={{ flex: 1 }}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Anchor component={Link} to={`/companies/${company.id}`} fw={600} c="var(--mantine-color-text)" style={{ overflowWrap: 'anywhere' }}>
                  {company.name}
                </Anchor>
                <Badge variant="light" color={company.contacts.totalCount > 0 ? 'blue' : 'gray'} radius="sm" tt="none" style={{ flexShrink: 0 }}>
                  {t('crm.companies.peopleCount', { count: company.contacts.totalCount })}
                </Badge>
              </Group>
              {company.domain && (
                <Text fz="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {company.domain}
                </Text>
              )}
              {company.email && (
                <Group gap={6} wrap="nowrap">
                  <IconMail size={14} aria-hidden />
                  <Anchor href={`mailto:${company.email}`} fz="sm" style={{ overflowWrap: 'anywhere' }}>
                    <VisuallyHidden>{t('crm.companies.fields.email')}: </VisuallyHidden>
                    {company.email}
                  </Anchor>
                </Group>
              )}
              {company.phone && (
                <Group gap={6} wrap="nowrap">
                  <IconPhone size={14} aria-hidden />
                  <Anchor href={`tel:${company.phone}`} fz="sm">
                    <VisuallyHidden>{t('crm.companies.fields.phone')}: </VisuallyHidden>
                    {company.phone}
                  </Anchor>
                </Group>
              )}
            </Stack>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
