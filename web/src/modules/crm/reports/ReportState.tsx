import { Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A report being worked out. */
export function ReportSkeleton() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" role="status" aria-busy="true" aria-label={t('common.loading')}>
      <Skeleton height={72} radius="md" />
      <Skeleton height={260} radius="md" />
      <Skeleton height={140} radius="md" />
    </Stack>
  );
}
