import { Blockquote, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DealDetailQuery } from '../../../gql/graphql';
import { useFormat } from '../../../lib/format';
import { DetailCard } from '../shared/DetailCard';
import { CHANGE_COLOR, CHANGE_ICON, changeHeadline, changedByName, checklistWords } from './stage-change';

type Change = DealDetailQuery['deal']['stageHistory'][number];

/** Every step of the deal, newest first: what happened, who did it and when, how much of the checklist was done, and why. */
export function StageHistory({ history }: { history: Change[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const title = t('deals.history.title');
  return (
    <DetailCard title={title}>
      <Stack gap={0} role="list" aria-label={title}>
        {history.map((change, index) => {
          const Icon = CHANGE_ICON[change.kind];
          const who = changedByName(change);
          const checklist = checklistWords(t, change);
          const headline = changeHeadline(t, change);
          return (
            <Group
              key={change.id}
              role="listitem"
              aria-label={headline}
              gap="sm"
              wrap="nowrap"
              align="flex-start"
              py="sm"
              style={index > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}
            >
              <ThemeIcon variant="light" color={CHANGE_COLOR[change.kind]} radius="xl" size={28}>
                <Icon size={16} aria-hidden />
              </ThemeIcon>
              <Stack gap={4} miw={0} style={{ flex: 1 }}>
                <Text fz="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {headline}
                </Text>
                <Text fz="xs" c="dimmed">
                  <time dateTime={change.changedAt}>{format.dateTime(change.changedAt)}</time>
                  {who && (
                    <>
                      <span aria-hidden> · </span>
                      {t('deals.history.by', { name: who })}
                    </>
                  )}
                  {checklist && (
                    <>
                      <span aria-hidden> · </span>
                      {checklist}
                    </>
                  )}
                </Text>
                {change.reason && (
                  <Blockquote color={CHANGE_COLOR[change.kind]} p="xs" mt={4} fz="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
                    {change.reason}
                  </Blockquote>
                )}
              </Stack>
            </Group>
          );
        })}
      </Stack>
    </DetailCard>
  );
}
