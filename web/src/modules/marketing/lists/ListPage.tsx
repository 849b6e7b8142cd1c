import { Box, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { ApiError } from '../../../lib/api-error';
import { showApiError } from '../../../lib/form-errors';
import { useFormat } from '../../../lib/format';
import { useApiMutation, useApiQuery } from '../../../lib/use-api';
import { useCan } from '../../../lib/viewer';
import { DetailSkeleton } from '../../crm/shared/DetailSkeleton';
import { isMissing } from '../../crm/shared/is-missing';
import { NotFoundPanel } from '../../crm/shared/NotFoundPanel';
import { DoubleOptInBadge } from './DoubleOptInBadge';
import { DELETE_SUBSCRIPTION_LIST, LIST_QUERIES, SUBSCRIPTION_LIST } from './list.documents';
import { listValues } from './list-form';
import { ListFormModal } from './ListFormModal';
import { ListMembers } from './ListMembers';
import { SignUpFormCard } from './SignUpFormCard';

/** `/campaigns/lists/:id`: a list's counts, its public sign-up form, and its people. */
export function ListPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const can = useCan();
  const format = useFormat();
  const canWrite = can('MARKETING:write');
  const [editing, setEditing] = useState(false);
  const [confirming, { open, close }] = useDisclosure(false);
  const query = useApiQuery(SUBSCRIPTION_LIST, { id });
  const remove = useApiMutation(DELETE_SUBSCRIPTION_LIST, LIST_QUERIES);
  const list = query.data?.subscriptionList;
  const back = { to: '/campaigns/lists', label: t('subscriptions.lists.backToList') };

  if (isMissing(query.error)) {
    return <NotFoundPanel title={t('subscriptions.lists.notFound.title')} description={t('subscriptions.lists.notFound.body')} backTo={back.to} backLabel={back.label} />;
  }

  async function confirmDelete(name: string) {
    try {
      await remove.mutateAsync({ input: { id } });
      close();
      notifications.show({ color: 'green', message: t('subscriptions.lists.deleted', { name }) });
      navigate('/campaigns/lists');
    } catch (error) {
      close();
      // Campaigns still to send name the list: say which way out there is, not only that it is in use.
      if (error instanceof ApiError && error.code === 'CONFLICT') notifications.show({ color: 'orange', title: t('subscriptions.lists.inUseTitle'), message: t('subscriptions.lists.inUseBody'), autoClose: 10_000 });
      else showApiError(t, error);
    }
  }

  return (
    <Box maw={1100}>
      <PageHeader
        title={list ? list.name : t('subscriptions.lists.loadingTitle')}
        subtitle={
          list ? (
            <Group gap="xs" wrap="wrap">
              <DoubleOptInBadge doubleOptIn={list.doubleOptIn} />
              <span>{t('subscriptions.lists.countsLong', { subscribed: format.number(list.subscribedCount), pending: format.number(list.pendingCount), members: format.number(list.memberCount) })}</span>
            </Group>
          ) : null
        }
        back={back}
        actions={
          list && canWrite ? (
            <>
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
              <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={open}>
                {t('common.delete')}
              </Button>
            </>
          ) : null
        }
      />
      {query.error ? (
        <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !list ? (
        <DetailSkeleton />
      ) : (
        <Stack gap="lg">
          {list.description && (
            <Text fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {list.description}
            </Text>
          )}
          <SignUpFormCard list={list} canWrite={canWrite} />
          <ListMembers list={list} canWrite={canWrite} />
        </Stack>
      )}
      {list && (
        <>
          <ListFormModal opened={editing} onClose={() => setEditing(false)} list={{ id: list.id, ...listValues(list) }} />
          <ConfirmModal
            opened={confirming}
            onClose={close}
            loading={remove.isPending}
            onConfirm={() => void confirmDelete(list.name)}
            title={t('subscriptions.lists.deleteTitle', { name: list.name })}
            message={t('subscriptions.lists.deleteBody', { count: list.memberCount })}
            confirmLabel={t('subscriptions.lists.deleteConfirm')}
          />
        </>
      )}
    </Box>
  );
}
