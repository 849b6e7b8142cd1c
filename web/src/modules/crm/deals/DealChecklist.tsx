import { Anchor, Checkbox, Group, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DealDetailQuery } from '../../../gql/graphql';
import { showApiError } from '../../../lib/form-errors';
import { useFormat } from '../../../lib/format';
import { useApiMutation } from '../../../lib/use-api';
import { DetailCard } from '../shared/DetailCard';
import { DEAL_QUERIES, SET_DEAL_CHECKLIST_ITEM } from './deal.documents';

type Item = DealDetailQuery['deal']['checklist'][number];

interface DealChecklistProps {
  dealId: string;
  stageName: string;
  items: Item[];
  /** Ticking needs CRM:write and an open deal. */
  canTick: boolean;
}

/** What the current stage asks for, ticked off on this deal: who did each item and when. */
export function DealChecklist({ dealId, stageName, items, canTick }: DealChecklistProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const setItem = useApiMutation(SET_DEAL_CHECKLIST_ITEM, DEAL_QUERIES);
  // Shown ticked at once; the page catches up when the API answers.
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const done = items.filter((item) => pending[item.id] ?? item.done).length;
  const title = t('deals.checklist.title', { stage: stageName });

  async function tick(item: Item, next: boolean) {
    if (item.id in pending) return;
    setPending((current) => ({ ...current, [item.id]: next }));
    try {
      await setItem.mutateAsync({ input: { dealId, itemId: item.id, done: next } });
    } catch (error) {
      showApiError(t, error);
    } finally {
      setPending(({ [item.id]: _settled, ...rest }) => rest);
    }
  }

  return (
    <DetailCard title={title}>
      {items.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('deals.checklist.none')}{' '}
          <Anchor component={Link} to="/deals/pipelines" inherit>
            {t('deals.checklist.manage')}
          </Anchor>
        </Text>
      ) : (
        <Stack gap="sm">
          <Group gap="sm" wrap="nowrap">
            <Progress value={(done / items.length) * 100} color={done === items.length ? 'green' : 'blue'} style={{ flex: 1 }} aria-label={t('deals.checklist.progress', { done, total: items.length })} />
            <Text fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {t('deals.checklist.progress', { done, total: items.length })}
            </Text>
          </Group>
          <Stack gap="xs" role="list" aria-label={title}>
            {items.map((item) => {
              const checked = pending[item.id] ?? item.done;
              const by = item.doneBy ? (item.doneBy.name ?? item.doneBy.email) : null;
              return (
                <div role="listitem" key={item.id}>
                  <Checkbox
                    label={item.title}
                    checked={checked}
                    disabled={!canTick}
                    onChange={(event) => void tick(item, event.currentTarget.checked)}
                    description={
                      item.done && item.doneAt ? (by ? t('deals.checklist.doneBy', { name: by, when: format.dateTime(item.doneAt) }) : t('deals.checklist.doneAt', { when: format.dateTime(item.doneAt) })) : undefined
                    }
                  />
                </div>
              );
            })}
          </Stack>
        </Stack>
      )}
    </DetailCard>
  );
}
