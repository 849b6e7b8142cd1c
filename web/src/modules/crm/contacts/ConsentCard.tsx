import { Badge, Button, Group, Stack, Text, ThemeIcon, Timeline } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMail, IconMessage, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ConsentStatus, ContactDetailQuery } from '../../../gql/graphql';
import { useFormat } from '../../../lib/format';
import { useCan } from '../../../lib/viewer';
import { DetailCard } from '../shared/DetailCard';
import { ConsentModal } from './ConsentModal';

const STATUS_COLOR: Record<ConsentStatus, string> = { GRANTED: 'green', DENIED: 'red', UNKNOWN: 'gray' };

function ConsentBadge({ status }: { status: ConsentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" radius="sm" tt="none">
      {t(`crm.consent.status.${status}`)}
    </Badge>
  );
}

type Contact = ContactDetailQuery['contact'];

/** Whether campaigns may reach the person by email and by SMS, how that was given, and every change since. */
export function ConsentCard({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const [changing, change] = useDisclosure(false);
  const history = contact.consentHistory;
  const historyLabel = t('crm.consent.history');

  return (
    <DetailCard
      title={t('crm.consent.title')}
      action={
        can('CRM:write') && (
          <Button size="xs" variant="light" leftSection={<IconShieldCheck size={14} aria-hidden />} onClick={change.open}>
            {t('crm.consent.change')}
          </Button>
        )
      }
    >
      <Stack gap="md">
        <Group gap="xl" wrap="wrap">
          <Group gap="xs" wrap="nowrap">
            <IconMail size={16} aria-hidden />
            <Text fz="sm">{t('crm.consent.emailLabel')}</Text>
            <ConsentBadge status={contact.emailConsent} />
          </Group>
          <Group gap="xs" wrap="nowrap">
            <IconMessage size={16} aria-hidden />
            <Text fz="sm">{t('crm.consent.smsLabel')}</Text>
            <ConsentBadge status={contact.smsConsent} />
          </Group>
        </Group>
        <div>
          <Text fz="sm" fw={600} mb="xs">
            {historyLabel}
          </Text>
          {history.length === 0 ? (
            <Text fz="sm" c="dimmed">
              {t('crm.consent.noHistory')}
            </Text>
          ) : (
            <Timeline active={-1} bulletSize={24} lineWidth={2} role="list" aria-label={historyLabel}>
              {history.map((event, index) => {
                const who = event.recordedBy ? (event.recordedBy.name ?? event.recordedBy.email) : null;
                return (
                  <Timeline.Item
                    key={`${event.occurredAt}-${event.channel}-${index}`}
                    role="listitem"
                    bullet={
                      <ThemeIcon variant="light" color={STATUS_COLOR[event.status]} radius="xl" size={22}>
                        {event.channel === 'EMAIL' ? <IconMail size={13} aria-hidden /> : <IconMessage size={13} aria-hidden />}
                      </ThemeIcon>
                    }
                  >
                    <Text fz="sm" fw={500}>
                      {t(`crm.consent.event.${event.channel}.${event.status}`)}
                    </Text>
                    <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
                      {t('crm.consent.via', { source: event.source })}
                    </Text>
                    <Text fz="xs" c="dimmed">
                      <time dateTime={event.occurredAt}>{format.dateTime(event.occurredAt)}</time>
                      {who && (
                        <>
                          <span aria-hidden> · </span>
                          {t('crm.consent.recordedBy', { name: who })}
                        </>
                      )}
                    </Text>
                  </Timeline.Item>
                );
              })}
            </Timeline>
          )}
        </div>
      </Stack>
      <ConsentModal opened={changing} onClose={change.close} contactId={contact.id} name={contact.fullName} current={{ EMAIL: contact.emailConsent, SMS: contact.smsConsent }} />
    </DetailCard>
  );
}
