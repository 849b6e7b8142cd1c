import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../../components/PageHeader';
import { QueryErrorAlert } from '../../../../components/QueryErrorAlert';
import { useApiQuery } from '../../../../lib/use-api';
import { LoadingBlock } from '../LoadingBlock';
import { SETTINGS_COMPANY } from './company.documents';
import { CompanyForm } from './CompanyForm';

/** Company profile: name, currency, time zone and default language. */
export function CompanyPage() {
  const { t } = useTranslation();
  const query = useApiQuery(SETTINGS_COMPANY, {});
  return (
    <Stack gap="lg">
      <PageHeader size="large" mb={0} title={t('settings.company.title')} subtitle={t('settings.company.description')} />
      {query.isPending ? (
        <LoadingBlock rows={4} height={56} />
      ) : query.isError ? (
        <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <CompanyForm key={query.data.me.tenant.id} tenant={query.data.me.tenant} />
      )}
    </Stack>
  );
}
