import { Box, Button, Group, Loader, Paper, SegmentedControl } from '@mantine/core';
import { IconMail, IconMessage, IconPlus, IconSearch, IconTemplate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useApiQuery } from '../../../lib/use-api';
import { usePhone } from '../../../lib/use-phone';
import { useCan } from '../../../lib/viewer';
import { EmptyPanel } from '../../crm/shared/EmptyPanel';
import { ListSkeleton } from '../../crm/shared/ListSkeleton';
import { CHANNELS, isChannel } from '../shared/channels';
import { MarketingTabs } from '../shared/MarketingTabs';
import { CAMPAIGN_TEMPLATES } from './template.documents';
import { TemplateCards } from './TemplateCards';
import { readTemplatesChannel } from './templates-view';
import { TemplatesTable } from './TemplatesTable';

const ALL = 'ALL';

/** `/campaigns/templates`: the emails and texts campaigns send, by name (`?channel=EMAIL` shows one channel). */
export function TemplatesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const phone = usePhone();
  const canWrite = can('MARKETING:write');
  const [params, setParams] = useSearchParams();
  const channel = readTemplatesChannel(params);
  const query = useApiQuery(CAMPAIGN_TEMPLATES, { channel }, { keepPrevious: true });
  const rows = query.data?.campaignTemplates;
  const firstRun = rows !== undefined && rows.length === 0 && channel === null;

  const newButton = canWrite ? (
    <Button component={Link} to={channel ? `/campaigns/templates/new?channel=${channel}` : '/campaigns/templates/new'} leftSection={<IconPlus size={16} />}>
      {t('marketing.templates.new')}
    </Button>
  ) : null;

  return (
    <Box>
      <PageHeader
        title={t('marketing.templates.title')}
        subtitle={rows && !firstRun ? t('marketing.templates.count', { count: rows.length }) : !rows && query.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
        actions={firstRun ? null : newButton}
        mb="sm"
      />
      <MarketingTabs current="templates" />
      {!firstRun && (
        <Paper withBorder radius="md" p="sm" mb="md" role="search" aria-label={t('marketing.templates.list.filtersLabel')}>
          <SegmentedControl
            aria-label={t('marketing.templates.list.channelFilter')}
            data={[{ value: ALL, label: t('marketing.templates.list.allChannels') }, ...CHANNELS.map((value) => ({ value, label: t(`marketing.channel.${value}`) }))]}
            value={channel ?? ALL}
            onChange={(value) => setParams(isChannel(value) ? { channel: value } : {})}
            fullWidth={phone}
          />
        </Paper>
      )}
      {query.error && (
        <Box mb="md">
          <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        </Box>
      )}
      {!rows ? (
        !query.error && <ListSkeleton />
      ) : firstRun ? (
        <EmptyPanel
          label={t('marketing.templates.firstRun.title')}
          icon={<IconTemplate />}
          title={t('marketing.templates.firstRun.title')}
          description={t('marketing.templates.firstRun.body')}
          action={
            canWrite ? (
              <Group gap="sm" justify="center">
                <Button component={Link} to="/campaigns/templates/new?channel=EMAIL" leftSection={<IconMail size={16} />}>
                  {t('marketing.templates.firstRun.addEmail')}
                </Button>
                <Button component={Link} to="/campaigns/templates/new?channel=SMS" variant="light" leftSection={<IconMessage size={16} />}>
                  {t('marketing.templates.firstRun.addSms')}
                </Button>
              </Group>
            ) : null
          }
        />
      ) : rows.length === 0 ? (
        <EmptyPanel
          label={t('marketing.templates.noMatch.title')}
          icon={<IconSearch />}
          title={t('marketing.templates.noMatch.title')}
          description={t(`marketing.templates.noMatch.body.${channel ?? 'EMAIL'}`)}
          action={newButton}
        />
      ) : (
        <Box style={{ opacity: query.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }} aria-busy={query.isPlaceholderData}>
          {phone ? <TemplateCards rows={rows} /> : <TemplatesTable rows={rows} />}
        </Box>
      )}
    </Box>
  );
}
