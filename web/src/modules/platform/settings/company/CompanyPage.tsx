import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../../lib/use-api';
import { LoadingBlock } from '../LoadingBlock';
import { QueryError } from '../QueryError';
import { SettingsHeader } from '../SettingsHeader';
import { SETTINGS_COMPANY } from './company.documents';
import { CompanyForm } from './CompanyForm';

/** Company profile: name, currency, time zone and default language. */
export function CompanyPage() {
  const { t } = useTranslation();
  const query = useApiQuery(SETTINGS_COMPANY, {});
  return (
    <Stack gap="lg">
      <SettingsHeader title={t('settings.company.title')} description={t('settings.company.description')} />
      {query.isPending ? (
        <LoadingBlock rows={4} height={56} />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <CompanyForm key={query.data.me.tenant.id} tenant={query.data.me.tenant} />
      )}
    </Stack>
  );
}
