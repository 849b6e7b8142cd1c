import { Group, Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SegmentEntity } from '../../../gql/graphql';
import { errorMessage } from '../../../lib/error-message';
import { useApiQuery } from '../../../lib/use-api';
import { CONTACT_FILTER_COUNT, CUSTOMER_FILTER_COUNT } from './segment.documents';
import { asContactFilter, asCustomerFilter, type FilterObject } from './segment-filter';

/** How many records a filter holds right now, asked again 400 ms after the conditions stop changing. */
export function useLiveCount(entity: SegmentEntity, filter: FilterObject): { count: number | null; pending: boolean; error: unknown } {
  // The key is the filter's JSON: a new object with the same conditions asks nothing.
  const [debounced] = useDebouncedValue(JSON.stringify(filter), 400);
  const parsed = JSON.parse(debounced) as FilterObject;
  const people = useApiQuery(CONTACT_FILTER_COUNT, { filter: asContactFilter(parsed) }, { enabled: entity === 'CONTACT', keepPrevious: true });
  const customers = useApiQuery(CUSTOMER_FILTER_COUNT, { filter: asCustomerFilter(parsed) }, { enabled: entity === 'CUSTOMER', keepPrevious: true });
  const query = entity === 'CONTACT' ? people : customers;
  const count = entity === 'CONTACT' ? people.data?.contacts.totalCount : customers.data?.customers.totalCount;
  const settling = debounced !== JSON.stringify(filter);
  return { count: count ?? null, pending: settling || query.isFetching, error: query.error };
}

/** "12 people match now", live while the conditions change (announced politely to screen readers). */
export function LiveCount({ entity, filter }: { entity: SegmentEntity; filter: FilterObject }) {
  const { t } = useTranslation();
  const { count, pending, error } = useLiveCount(entity, filter);
  return (
    <Group gap="xs" wrap="nowrap" aria-live="polite" data-testid="live-count">
      {error && !pending ? (
        <>
          <IconAlertTriangle size={16} color="var(--mantine-color-red-6)" aria-hidden />
          <Text fz="sm" c="red">
            {t('segments.editor.countFailed', { reason: errorMessage(t, error) })}
          </Text>
        </>
      ) : (
        <>
          <Text fz="lg" fw={700}>
            {count === null ? t('common.none') : t(entity === 'CONTACT' ? 'segments.count.people' : 'segments.count.customers', { count })}
          </Text>
          {pending && <Loader size="xs" aria-label={t('segments.editor.counting')} />}
        </>
      )}
    </Group>
  );
}
