import { Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportWizardQuery } from '../../../gql/graphql';
import { useFormat } from '../../../lib/format';

type Entry = ImportWizardQuery['import'];

/** A run under way: how far it is, and what it did so far (committed batch by batch). */
export function ImportProgress({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = entry.total > 0 ? Math.round((entry.processed / entry.total) * 100) : 0;
  return (
    <Paper withBorder radius="md" p="lg" role="status" aria-live="polite">
      <Stack gap="sm">
        <Text fw={600}>{entry.status === 'QUEUED' ? t('import.progress.queued') : entry.dryRun ? t('import.progress.checking') : t('import.progress.importing')}</Text>
        <Progress value={percent} size="lg" animated aria-label={t('import.progress.label', { processed: format.number(entry.processed), total: format.number(entry.total) })} />
        <Group gap="lg">
          <Text fz="sm">{t('import.progress.rows', { processed: format.number(entry.processed), total: format.number(entry.total) })}</Text>
          <Text fz="sm" c="dimmed">
            {t('import.progress.counts', { created: format.number(entry.created), updated: format.number(entry.updated), skipped: format.number(entry.skipped), failed: format.number(entry.failed) })}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
