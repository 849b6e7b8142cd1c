import { Box, Button, Group, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';

interface ListPagerProps {
  /** 1-based, or null when not known (a shared link to a later page). */
  page: number | null;
  pageSize: number;
  /** Rows on this page. */
  shown: number;
  total: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

/** Previous and Next under a list, with where in the list this page is. */
export function ListPager({ page, pageSize, shown, total, hasPrevious, hasNext, onPrevious, onNext }: ListPagerProps) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!hasPrevious && !hasNext) return null;
  const from = page === null ? null : (page - 1) * pageSize + 1;
  return (
    <Box component="nav" aria-label={t('crm.list.pagination')} mt="md">
      <Group justify="space-between">
      <Text fz="sm" c="dimmed">
        {from === null || shown === 0
          ? t('crm.list.pageUnknown', { total: format.number(total) })
          : t('crm.list.range', { from: format.number(from), to: format.number(from + shown - 1), total: format.number(total) })}
      </Text>
      <Group gap="xs">
        <Button variant="default" size="sm" leftSection={<IconChevronLeft size={16} />} disabled={!hasPrevious} onClick={onPrevious}>
          {t('common.previous')}
        </Button>
        <Button variant="default" size="sm" rightSection={<IconChevronRight size={16} />} disabled={!hasNext} onClick={onNext}>
          {t('common.next')}
        </Button>
        </Group>
      </Group>
    </Box>
  );
}
