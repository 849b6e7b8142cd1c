import { Anchor, Group, Loader, MultiSelect, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconUsersGroup } from '@tabler/icons-react';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MarketingChannel } from '../../../gql/graphql';
import { useApiQuery } from '../../../lib/use-api';
import { CAMPAIGN_AUDIENCE_COUNT, CAMPAIGN_LISTS, CAMPAIGN_SEGMENTS } from './campaign.documents';
import { AUDIENCE_SOURCES_MAX } from './campaign-form';

interface AudiencePickerProps {
  channel: MarketingChannel;
  segmentIds: string[];
  listIds: string[];
  onChange: (audience: { segmentIds: string[]; listIds: string[] }) => void;
  error?: ReactNode;
}

/**
 * Who the campaign goes to, in one box: saved segments of people and of customers (their people)
 * and subscription lists (their subscribers), each person once; under it, how many of them the
 * channel reaches right now, asked again a moment after each change.
 */
export function AudiencePicker({ channel, segmentIds, listIds, onChange, error }: AudiencePickerProps) {
  const { t } = useTranslation();
  const segments = useApiQuery(CAMPAIGN_SEGMENTS, {}, { staleTime: 30_000 });
  const lists = useApiQuery(CAMPAIGN_LISTS, {}, { staleTime: 30_000 });
  const sizes = useMemo(() => {
    const out = new Map<string, string>();
    for (const segment of segments.data?.segments ?? []) {
      out.set(segment.id, segment.entity === 'CONTACT' ? t('marketing.audience.people', { count: segment.count }) : t('marketing.audience.customers', { count: segment.count }));
    }
    for (const list of lists.data?.subscriptionLists ?? []) out.set(list.id, t('marketing.audience.subscribers', { count: list.subscribedCount }));
    return out;
  }, [segments.data, lists.data, t]);
  const listIdSet = useMemo(() => new Set((lists.data?.subscriptionLists ?? []).map((list) => list.id)), [lists.data]);
  const data = useMemo(() => {
    const all = segments.data?.segments ?? [];
    const ofEntity = (entity: 'CONTACT' | 'CUSTOMER') => all.filter((segment) => segment.entity === entity).map((segment) => ({ value: segment.id, label: segment.name }));
    return [
      { group: t('marketing.audience.peopleSegments'), items: ofEntity('CONTACT') },
      { group: t('marketing.audience.customerSegments'), items: ofEntity('CUSTOMER') },
      { group: t('marketing.audience.lists'), items: (lists.data?.subscriptionLists ?? []).map((list) => ({ value: list.id, label: list.name })) },
    ].filter((part) => part.items.length > 0);
  }, [segments.data, lists.data, t]);
  const loaded = segments.data !== undefined && lists.data !== undefined;
  const none = loaded && data.length === 0;
  const value = useMemo(() => [...segmentIds, ...listIds], [segmentIds, listIds]);

  return (
    <Stack gap={6} style={{ gridColumn: '1 / -1' }}>
      <MultiSelect
        label={t('marketing.audience.label')}
        description={t('marketing.audience.hint')}
        placeholder={value.length === 0 ? t('marketing.audience.placeholder') : undefined}
        data={data}
        value={value}
        // Lists are known by their ids; anything else chosen is a segment.
        onChange={(ids) => onChange({ segmentIds: ids.filter((id) => !listIdSet.has(id)), listIds: ids.filter((id) => listIdSet.has(id)) })}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': t('marketing.audience.clear'), 'aria-hidden': false, tabIndex: 0 }}
        hidePickedOptions
        maxValues={AUDIENCE_SOURCES_MAX}
        nothingFoundMessage={segments.isFetching || lists.isFetching ? t('common.loading') : t('marketing.audience.nothingFound')}
        renderOption={({ option }) => (
          <Group gap="xs" justify="space-between" wrap="nowrap" w="100%">
            <Text fz="sm">{option.label}</Text>
            <Text fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {sizes.get(option.value)}
            </Text>
          </Group>
        )}
        leftSection={<IconUsersGroup size={16} aria-hidden />}
        error={error}
        comboboxProps={{ withinPortal: true }}
      />
      {none && (
        <Text fz="xs" c="dimmed">
          {t('marketing.audience.noneYet')}{' '}
          <Anchor component={Link} to="/contacts" fz="xs" target="_blank">
            {t('marketing.audience.makeSegment')}
          </Anchor>
        </Text>
      )}
      <AudienceCount channel={channel} segmentIds={segmentIds} listIds={listIds} />
    </Stack>
  );
}

/** The live count: people the channel reaches now (consent, an address, not suppressed), a moment after the last change. */
export function AudienceCount({ channel, segmentIds, listIds }: { channel: MarketingChannel; segmentIds: string[]; listIds: string[] }) {
  const { t } = useTranslation();
  const audience = useMemo(() => ({ segmentIds, listIds }), [segmentIds, listIds]);
  const [settled] = useDebouncedValue(audience, 400);
  const empty = settled.segmentIds.length + settled.listIds.length === 0;
  const count = useApiQuery(CAMPAIGN_AUDIENCE_COUNT, { channel, audience: settled }, { enabled: !empty, keepPrevious: true });
  const reach = count.data?.campaignAudienceCount;
  const waiting = settled !== audience || count.isFetching;
  return (
    <Group gap="xs" wrap="nowrap" aria-live="polite" data-testid="audience-count">
      {empty ? (
        <Text fz="sm" c="dimmed">
          {t('marketing.audience.chooseFirst')}
        </Text>
      ) : count.error ? (
        <Text fz="sm" c="red">
          {t('marketing.audience.countFailed')}
        </Text>
      ) : reach === undefined ? (
        <Text fz="sm" c="dimmed">
          {t('marketing.audience.counting')}
        </Text>
      ) : (
        <Text fz="sm" fw={600} c={reach === 0 ? 'orange' : undefined}>
          {t(`marketing.audience.reach.${channel}`, { count: reach })}
        </Text>
      )}
      {!empty && waiting && <Loader size="xs" aria-label={t('marketing.audience.counting')} />}
    </Group>
  );
}
