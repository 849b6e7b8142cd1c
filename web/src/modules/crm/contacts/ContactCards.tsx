import { Anchor, Card, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconHeartHandshake, IconMail, IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NameAvatar } from '../shared/NameAvatar';
import type { ContactRow } from './contacts-view';

/** People as cards (phones): name, position and customer, then ways to reach them. */
export function ContactCards({ rows }: { rows: ContactRow[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" role="list" aria-label={t('crm.people.listLabel')}>
      {rows.map((contact) => (
        <Card key={contact.id} withBorder radius="md" padding="md" role="listitem">
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <NameAvatar name={contact.fullName} size={40} />
            <Stack gap={4} miw={0} style={{ flex: 1 }}>
              <Anchor component={Link} to={`/contacts/${contact.id}`} fw={600} c="var(--mantine-color-text)" style={{ overflowWrap: 'anywhere' }}>
                {contact.fullName}
              </Anchor>
              {contact.position && (
                <Text fz="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {contact.position.name}
                </Text>
              )}
              {contact.email && (
                <Group gap={6} wrap="nowrap">
                  <IconMail size={14} aria-hidden />
                  <Anchor href={`mailto:${contact.email}`} fz="sm" style={{ overflowWrap: 'anywhere' }}>
                    <VisuallyHidden>{t('crm.people.fields.email')}: </VisuallyHidden>
                    {contact.email}
                  </Anchor>
                </Group>
              )}
              {contact.phone && (
                <Group gap={6} wrap="nowrap">
                  <IconPhone size={14} aria-hidden />
                  <Anchor href={`tel:${contact.phone}`} fz="sm">
                    <VisuallyHidden>{t('crm.people.fields.phone')}: </VisuallyHidden>
                    {contact.phone}
                  </Anchor>
                </Group>
              )}
              {contact.customer && (
                <Group gap={6} wrap="nowrap">
                  <IconHeartHandshake size={14} aria-hidden />
                  <Anchor component={Link} to={`/customers/${contact.customer.id}`} fz="sm" style={{ overflowWrap: 'anywhere' }}>
                    <VisuallyHidden>{t('crm.people.fields.customer')}: </VisuallyHidden>
                    {contact.customer.name}
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
