import { Box } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useApiMutation, useApiQuery } from '../../../lib/use-api';
import { useCan } from '../../../lib/viewer';
import { useCustomFields } from '../fields/use-custom-fields';
import { DetailSkeleton } from '../shared/DetailSkeleton';
import { isMissing } from '../shared/is-missing';
import { NoPermissionAlert } from '../shared/NoPermissionAlert';
import { CUSTOMER_DETAIL, CUSTOMER_QUERIES, UPDATE_CUSTOMER } from './customer.documents';
import { changedCustomerInput, customerFormValues, type CustomerFormValues } from './customer-form';
import { CustomerForm } from './CustomerForm';
import { CustomerNotFound } from './CustomerNotFound';

/** `/customers/:id/edit`: sends only what changed. */
export function EditCustomerPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const can = useCan();
  const custom = useCustomFields('CUSTOMER');
  const query = useApiQuery(CUSTOMER_DETAIL, { id, withCustomFields: custom.on });
  const update = useApiMutation(UPDATE_CUSTOMER, CUSTOMER_QUERIES);
  const customer = query.data?.customer;

  if (isMissing(query.error)) return <CustomerNotFound />;

  async function save(values: CustomerFormValues) {
    if (!customer) return;
    const input = changedCustomerInput(customer.id, customerFormValues(customer, custom.fields), values, custom.fields);
    if (input) {
      await update.mutateAsync({ input });
      notifications.show({ color: 'green', message: t('crm.customers.saved') });
    }
    navigate(`/customers/${customer.id}`);
  }

  return (
    <Box maw={880}>
      <PageHeader
        title={customer ? t('crm.customers.editTitle', { name: customer.name }) : t('crm.customers.editTitleLoading')}
        back={{ to: `/customers/${id}`, label: t('crm.customers.backToCustomer') }}
      />
      {!can('CRM:write') ? (
        <NoPermissionAlert />
      ) : query.error ? (
        <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !customer || !custom.ready ? (
        <DetailSkeleton />
      ) : (
        <CustomerForm
          key={customer.id}
          initial={customerFormValues(customer, custom.fields)}
          customFields={custom.fields}
          customerId={customer.id}
          referrerName={customer.source.referredBy?.name}
          submitLabel={t('common.save')}
          cancelTo={`/customers/${customer.id}`}
          onSave={save}
        />
      )}
    </Box>
  );
}
