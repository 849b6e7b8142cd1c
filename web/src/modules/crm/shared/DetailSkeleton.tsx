import { Group, Paper, Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The shape of a detail page while it loads. */
export function DetailSkeleton() {
  const { t } = useTranslation();
  return (
    <Stack role="status" aria-busy="true" aria-label={t('common.loading')} gap="lg">
      <Group gap="md">
        <Skeleton circle height={56} />
        <Stack gap="xs" style={{ flex: 1 }}>
          <Skeleton height={24} width="40%" />
          <Skeleton height={12} width="25%" />
        </Stack>
      </Group>
      <Paper withBorder radius="md" p="lg">
        <Stack gap="md">
          {Array.from({ length: 5 }, (_, index) => (
            <Skeleton key={index} height={12} width={`${60 - index * 6}%`} />
          ))}
        </Stack>
      </Paper>
    </Stack>
  );
}
