import { Box, Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { showApiError } from '../../../lib/form-errors';
import { useApiMutation, useApiQuery } from '../../../lib/use-api';
import { useCan } from '../../../lib/viewer';
import { DetailSkeleton } from '../../crm/shared/DetailSkeleton';
import { isMissing } from '../../crm/shared/is-missing';
import { NoPermissionAlert } from '../../crm/shared/NoPermissionAlert';
import { NotFoundPanel } from '../../crm/shared/NotFoundPanel';
import { ChannelBadge } from '../shared/ChannelBadge';
import { CAMPAIGN_TEMPLATE, DELETE_CAMPAIGN_TEMPLATE } from './template.documents';
import { templateValues } from './template-form';
import { TemplateEditor } from './TemplateEditor';

/** `/campaigns/templates/:id`: a template's editor with its preview; deleting it is asked first (the API refuses while campaigns use it). */
export function EditTemplatePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const can = useCan();
  const [confirming, { open, close }] = useDisclosure(false);
  const query = useApiQuery(CAMPAIGN_TEMPLATE, { id });
  const remove = useApiMutation(DELETE_CAMPAIGN_TEMPLATE, ['CampaignTemplatesList']);
  const template = query.data?.campaignTemplate;
  const back = { to: '/campaigns/templates', label: t('marketing.templates.backToList') };

  if (isMissing(query.error)) {
    return <NotFoundPanel title={t('marketing.templates.notFound.title')} description={t('marketing.templates.notFound.body')} backTo={back.to} backLabel={back.label} />;
  }

  async function confirmDelete(name: string) {
    try {
      await remove.mutateAsync({ input: { id } });
      close();
      notifications.show({ color: 'green', message: t('marketing.templates.deleted', { name }) });
      navigate('/campaigns/templates');
    } catch (error) {
      close();
      showApiError(t, error);
    }
  }

  const canWrite = can('MARKETING:write');
  return (
    <Box maw={1400}>
      <PageHeader
        title={template ? template.name : t('marketing.templates.editTitleLoading')}
        subtitle={template ? <ChannelBadge channel={template.channel} /> : null}
        back={back}
        actions={
          template && canWrite ? (
            <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={open}>
              {t('common.delete')}
            </Button>
          ) : null
        }
      />
      {!canWrite ? (
        <NoPermissionAlert />
      ) : query.error ? (
        <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !template ? (
        <DetailSkeleton />
      ) : (
        <TemplateEditor key={template.id} templateId={template.id} initial={templateValues(template)} />
      )}
      {template && (
        <ConfirmModal
          opened={confirming}
          onClose={close}
          loading={remove.isPending}
          onConfirm={() => void confirmDelete(template.name)}
          title={t('marketing.templates.deleteTitle', { name: template.name })}
          message={t('marketing.templates.deleteBody')}
          confirmLabel={t('marketing.templates.deleteConfirm')}
        />
      )}
    </Box>
  );
}
