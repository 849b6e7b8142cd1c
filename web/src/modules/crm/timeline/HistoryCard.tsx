import { Button, Group } from '@mantine/core';
import { IconNote, IconPhonePlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InteractionKind } from '../../../gql/graphql';
import { useCan } from '../../../lib/viewer';
import { DetailCard } from '../shared/DetailCard';
import type { HistorySubject } from './interaction-form';
import { LogInteractionModal } from './LogInteractionModal';
import type { PersonOption } from './LogInteractionForm';
import { Timeline } from './Timeline';

interface HistoryCardProps {
  subject: HistorySubject;
  /** On a customer's page: its people, one of whom an interaction may have been with. */
  people?: PersonOption[];
}

/** On a person's or customer's page: their history, and (with CRM:write) ways to log a call, a meeting or a note. */
export function HistoryCard({ subject, people }: HistoryCardProps) {
  const { t } = useTranslation();
  const can = useCan();
  const [logging, setLogging] = useState<InteractionKind | null>(null);

  return (
    <DetailCard
      title={t('crm.timeline.title')}
      action={
        can('CRM:write') && (
          <Group gap="xs" role="group" aria-label={t('crm.timeline.logActions')}>
            <Button size="xs" variant="light" leftSection={<IconPhonePlus size={14} aria-hidden />} onClick={() => setLogging('CALL')}>
              {t('crm.timeline.logCall')}
            </Button>
            <Button size="xs" variant="light" leftSection={<IconUsers size={14} aria-hidden />} onClick={() => setLogging('MEETING')}>
              {t('crm.timeline.logMeeting')}
            </Button>
            <Button size="xs" variant="light" leftSection={<IconNote size={14} aria-hidden />} onClick={() => setLogging('NOTE')}>
              {t('crm.timeline.addNote')}
            </Button>
          </Group>
        )
      }
    >
      <Timeline subject={subject} />
      <LogInteractionModal kind={logging} subject={subject} people={people} onClose={() => setLogging(null)} />
    </DetailCard>
  );
}
