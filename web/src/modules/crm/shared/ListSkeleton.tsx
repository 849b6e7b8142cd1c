import { Group, Paper, Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Rows of grey while a list loads for the first time. */
export function ListSkeleton({ rows = 6 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" role="status" aria-busy="true" aria-label={t('common.loading')}>
      <Stack gap="lg">
        {Array.from({ length: rows }, (_, index) => (
          <Group key={index} gap="md" wrap="nowrap">
            <Skeleton circle height={32} />
            <Skeleton height={12} width="28%" />
            <Skeleton height={12} width="24%" visibleFrom="sm" />
            <Skeleton height={12} width="16%" visibleFrom="sm" />
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
