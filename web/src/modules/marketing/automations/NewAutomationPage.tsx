import { Box } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useApiQuery } from '../../../lib/use-api';
import { useCan } from '../../../lib/viewer';
import { DetailSkeleton } from '../../crm/shared/DetailSkeleton';
import { NoPermissionAlert } from '../../crm/shared/NoPermissionAlert';
import { AUTOMATION } from './automation.documents';
import { automationValues, copyValues, emptyAutomation } from './automation-form';
import { AutomationBuilder } from './AutomationBuilder';

/** `/campaigns/automations/new`; `?from=<id>` starts from a copy of that automation's trigger and steps. */
export function NewAutomationPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params] = useSearchParams();
  const from = params.get('from');
  const source = useApiQuery(AUTOMATION, { id: from ?? '' }, { enabled: from !== null });
  const back = { to: '/campaigns/automations', label: t('automations.backToList') };
  const original = source.data?.automation;
  return (
    <Box maw={960}>
      <PageHeader title={t('automations.newTitle')} subtitle={t('automations.newIntro')} back={back} />
      {!can('MARKETING:write') ? (
        <NoPermissionAlert />
      ) : from === null ? (
        <AutomationBuilder initial={emptyAutomation()} />
      ) : source.error ? (
        <QueryErrorAlert error={source.error} onRetry={() => void source.refetch()} />
      ) : !original ? (
        <DetailSkeleton />
      ) : (
        <AutomationBuilder key={original.id} initial={copyValues(automationValues(original), t('automations.copyName', { name: original.name }))} />
      )}
    </Box>
  );
}
