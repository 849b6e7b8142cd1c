import { Box } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { useApiMutation } from '../../../lib/use-api';
import { useCan, useViewer } from '../../../lib/viewer';
import { useCustomFields } from '../fields/use-custom-fields';
import { DetailSkeleton } from '../shared/DetailSkeleton';
import { NoPermissionAlert } from '../shared/NoPermissionAlert';
import { CREATE_CUSTOMER, CUSTOMER_QUERIES } from './customer.documents';
import { createCustomerInput, emptyCustomer, type CustomerFormValues } from './customer-form';
import { CustomerForm } from './CustomerForm';

/** `/customers/new`: owned by whoever adds it unless changed. */
export function NewCustomerPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const viewer = useViewer();
  const create = useApiMutation(CREATE_CUSTOMER, CUSTOMER_QUERIES);
  const custom = useCustomFields('CUSTOMER');

  async function save(values: CustomerFormValues) {
    const { createCustomer } = await create.mutateAsync({ input: createCustomerInput(values, custom.fields) });
    notifications.show({ color: 'green', message: t('crm.customers.created', { name: values.name.trim() }) });
    navigate(`/customers/${createCustomer.id}`);
  }

  return (
    <Box maw={880}>
      <PageHeader title={t('crm.customers.newTitle')} subtitle={t('crm.customers.newIntro')} back={{ to: '/customers', label: t('crm.customers.backToList') }} />
      {!can('CRM:write') ? (
        <NoPermissionAlert />
      ) : !viewer || !custom.ready ? (
        <DetailSkeleton />
      ) : (
        <CustomerForm initial={emptyCustomer(viewer.user?.id ?? null, custom.fields)} customFields={custom.fields} submitLabel={t('crm.customers.create')} cancelTo="/customers" onSave={save} />
      )}
    </Box>
  );
}
