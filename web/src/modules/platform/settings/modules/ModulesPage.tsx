import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../../components/PageHeader';
import { QueryErrorAlert } from '../../../../components/QueryErrorAlert';
import { useApiQuery } from '../../../../lib/use-api';
import { LoadingBlock } from '../LoadingBlock';
import { ModuleCard } from './ModuleCard';
import type { ModuleState } from './module-dependencies';
import { SETTINGS_MODULES } from './modules.documents';

/** The company's modules and feature options, switched on and off. */
export function ModulesPage() {
  const { t } = useTranslation();
  const query = useApiQuery(SETTINGS_MODULES, {});
  const reload = async (): Promise<ModuleState[] | null> => (await query.refetch()).data?.modules ?? null;
  return (
    <Stack gap="lg">
      <PageHeader size="large" mb={0} title={t('settings.modules.title')} subtitle={t('settings.modules.description')} />
      {query.isPending ? (
        <LoadingBlock rows={4} height={96} />
      ) : query.isError ? (
        <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Stack gap="md" data-testid="modules-list">
          {query.data.modules.map((module) => (
            <ModuleCard key={module.key} module={module} modules={query.data.modules} reload={reload} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
