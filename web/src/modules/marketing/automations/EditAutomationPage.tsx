import { Box } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useApiQuery } from '../../../lib/use-api';
import { useCan } from '../../../lib/viewer';
import { DetailSkeleton } from '../../crm/shared/DetailSkeleton';
import { isMissing } from '../../crm/shared/is-missing';
import { NoPermissionAlert } from '../../crm/shared/NoPermissionAlert';
import { AUTOMATION } from './automation.documents';
import { automationLocks, automationValues } from './automation-form';
import { AutomationBuilder } from './AutomationBuilder';
import { AutomationNotFound } from './AutomationNotFound';

/**
 * `/campaigns/automations/:id/edit`: the name always; the trigger while it is not on; the steps while
 * it is not on and nobody went through them yet. What cannot change is shown with the reason.
 */
export function EditAutomationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const can = useCan();
  const query = useApiQuery(AUTOMATION, { id });
  const automation = query.data?.automation;

  if (isMissing(query.error)) return <AutomationNotFound />;

  return (
    <Box maw={960}>
      <PageHeader
        title={automation ? t('automations.editTitle', { name: automation.name }) : t('automations.editTitleLoading')}
        back={{ to: `/campaigns/automations/${id}`, label: t('automations.backToAutomation') }}
      />
      {!can('MARKETING:write') ? (
        <NoPermissionAlert />
      ) : query.error ? (
        <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !automation ? (
        <DetailSkeleton />
      ) : (
        <AutomationBuilder key={automation.id} automation={automation} initial={automationValues(automation)} locks={automationLocks(automation.status, automation.stats.runs)} />
      )}
    </Box>
  );
}
