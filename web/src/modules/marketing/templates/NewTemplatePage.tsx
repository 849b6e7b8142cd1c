import { Box } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { useCan } from '../../../lib/viewer';
import { NoPermissionAlert } from '../../crm/shared/NoPermissionAlert';
import { isChannel } from '../shared/channels';
import { emptyTemplate } from './template-form';
import { TemplateEditor } from './TemplateEditor';

/** `/campaigns/templates/new` (`?channel=SMS` starts a text). */
export function NewTemplatePage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params] = useSearchParams();
  const channelParam = params.get('channel');
  const channel = isChannel(channelParam) ? channelParam : 'EMAIL';
  return (
    <Box maw={1400}>
      <PageHeader title={t('marketing.templates.newTitle')} subtitle={t('marketing.templates.newIntro')} back={{ to: '/campaigns/templates', label: t('marketing.templates.backToList') }} />
      {can('MARKETING:write') ? <TemplateEditor key={channel} initial={emptyTemplate(t, channel)} /> : <NoPermissionAlert />}
    </Box>
  );
}
