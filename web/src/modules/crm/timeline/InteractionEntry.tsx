import { Anchor, Group, Spoiler, Stack, Text, ThemeIcon, Timeline, type TimelineItemProps } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TimelineSubjectType } from '../../../gql/graphql';
import { useFormat } from '../../../lib/format';
import { useCan } from '../../../lib/viewer';
import { InteractionMessage } from '../messages/InteractionMessage';
import { DeleteInteractionButton } from './DeleteInteractionButton';
import { KIND_COLOR, kindIcon } from './kind-icons';
import { useInteractionWords } from './use-interaction-words';
import type { TimelineEntryNode } from './use-timeline';

type InteractionNode = NonNullable<TimelineEntryNode['interaction']>;

interface InteractionEntryProps extends Omit<TimelineItemProps, 'title' | 'children' | 'bullet'> {
  interaction: InteractionNode;
  /** Whose history this is: on a customer's, the person it was with is named. */
  subjectType: TimelineSubjectType;
}

/** One logged call, meeting, email, SMS or note in a history: what, how long, how it went, the text, who logged it and when. */
export function InteractionEntry({ interaction, subjectType, ...item }: InteractionEntryProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const words = useInteractionWords();
  const Icon = kindIcon(interaction.kind, interaction.direction);
  const when = format.dateTime(interaction.occurredAt);
  const headline = words.headline(interaction);
  const loggedBy = interaction.loggedBy ? (interaction.loggedBy.name ?? interaction.loggedBy.email) : null;
  const person = subjectType === 'CUSTOMER' && interaction.contactId ? { id: interaction.contactId, name: interaction.contactName ?? t('crm.timeline.somePerson') } : null;

  return (
    <Timeline.Item
      {...item}
      role="listitem"
      bullet={
        <ThemeIcon variant="light" color={KIND_COLOR[interaction.kind]} radius="xl" size={26}>
          <Icon size={15} aria-hidden />
        </ThemeIcon>
      }
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Stack gap={4} miw={0} style={{ flex: 1 }}>
          <Text fw={600} fz="sm" lh={1.35}>
            {headline}
          </Text>
          {interaction.message && <InteractionMessage message={interaction.message} contactId={interaction.contactId} />}
          {interaction.subject && (
            <Text fz="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
              {interaction.subject}
            </Text>
          )}
          {person && (
            <Text fz="sm" c="dimmed">
              <Trans i18nKey="crm.timeline.with" values={{ name: person.name }} components={{ anchor: <Anchor component={Link} to={`/contacts/${person.id}`} inherit /> }} />
            </Text>
          )}
          {interaction.body && (
            <Spoiler maxHeight={110} showLabel={t('crm.timeline.showMore')} hideLabel={t('crm.timeline.showLess')} fz="sm">
              <Text fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {interaction.body}
              </Text>
            </Spoiler>
          )}
          <Text fz="xs" c="dimmed">
            <time dateTime={interaction.occurredAt} style={{ whiteSpace: 'nowrap' }}>
              {when}
            </time>
            {loggedBy && (
              <>
                <span aria-hidden> · </span>
                <span style={{ whiteSpace: 'nowrap' }}>{t('crm.timeline.loggedBy', { name: loggedBy })}</span>
              </>
            )}
          </Text>
        </Stack>
        {can('CRM:write') && <DeleteInteractionButton id={interaction.id} kind={interaction.kind} when={when} />}
      </Group>
    </Timeline.Item>
  );
}
