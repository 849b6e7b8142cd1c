import { Box, Button, Group, Loader } from '@mantine/core';
import { IconFilterOff, IconMailPlus, IconPlus, IconSearch, IconSpeakerphone, IconTemplate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { useApiQuery } from '../../../lib/use-api';
import { usePhone } from '../../../lib/use-phone';
import { useCan } from '../../../lib/viewer';
import { EmptyPanel } from '../../crm/shared/EmptyPanel';
import { ListQueryError } from '../../crm/shared/ListQueryError';
import { ListSkeleton } from '../../crm/shared/ListSkeleton';
import { PagedList } from '../../crm/shared/PagedList';
import { PAGE_SIZE, useListUrl } from '../../crm/shared/use-list-url';
import { MarketingTabs } from '../shared/MarketingTabs';
import { CAMPAIGN_TEMPLATES } from '../templates/template.documents';
import { CAMPAIGNS } from './campaign.documents';
import { CampaignCards } from './CampaignCards';
import { CampaignsFilters } from './CampaignsFilters';
import { CampaignsTable } from './CampaignsTable';
import { CAMPAIGN_FILTER_KEYS, readCampaignsView } from './campaigns-view';

/** `/campaigns`: the company's email and SMS campaigns, newest first, 25 a page, narrowed by status and channel. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const phone = usePhone();
  const canWrite = can('MARKETING:write');
  const list = useListUrl();
  const view = readCampaignsView(list.params);
  const query = useApiQuery(CAMPAIGNS, { first: PAGE_SIZE, after: list.after, filter: view.filter }, { keepPrevious: true });
  const connection = query.data?.campaigns;
  const rows = connection?.edges.map((edge) => edge.node) ?? [];
  const firstRun = connection !== undefined && connection.totalCount === 0 && !view.narrowed;
  // A first campaign needs a template to send: the empty page says which step comes first.
  const templates = useApiQuery(CAMPAIGN_TEMPLATES, { channel: null }, { enabled: firstRun, staleTime: 30_000 });
  const noTemplates = templates.data !== undefined && templates.data.campaignTemplates.length === 0;

  const newButton = canWrite ? (
    <Button component={Link} to="/campaigns/new" leftSection={<IconPlus size={16} />}>
      {t('marketing.campaigns.new')}
    </Button>
  ) : null;

  return (
    <Box>
      <PageHeader
        title={t('marketing.campaigns.title')}
        subtitle={connection && !firstRun ? t('marketing.campaigns.count', { count: connection.totalCount }) : !connection && query.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
        actions={firstRun ? null : newButton}
        mb="sm"
      />
      <MarketingTabs current="campaigns" />
      {!firstRun && <CampaignsFilters view={view} onChange={list.update} onClear={() => list.clear(CAMPAIGN_FILTER_KEYS)} />}
      {query.error && <ListQueryError error={query.error} onRetry={() => void query.refetch()} list={list} />}
      {!connection ? (
        !query.error && <ListSkeleton />
      ) : firstRun ? (
        <EmptyPanel
          label={t('marketing.campaigns.firstRun.title')}
          icon={<IconSpeakerphone />}
          title={t('marketing.campaigns.firstRun.title')}
          description={noTemplates ? t('marketing.campaigns.firstRun.bodyNoTemplate') : t('marketing.campaigns.firstRun.body')}
          action={
            canWrite ? (
              <Group gap="sm" justify="center">
                {noTemplates ? (
                  <Button component={Link} to="/campaigns/templates/new" leftSection={<IconTemplate size={16} />}>
                    {t('marketing.templates.firstRun.add')}
                  </Button>
                ) : (
                  <Button component={Link} to="/campaigns/new" leftSection={<IconMailPlus size={16} />}>
                    {t('marketing.campaigns.firstRun.add')}
                  </Button>
                )}
              </Group>
            ) : null
          }
        />
      ) : rows.length === 0 ? (
        <EmptyPanel
          label={t('marketing.campaigns.noMatch.title')}
          icon={<IconSearch />}
          title={t('marketing.campaigns.noMatch.title')}
          description={t('marketing.campaigns.noMatch.body')}
          action={
            <Button variant="light" leftSection={<IconFilterOff size={16} />} onClick={() => list.clear(CAMPAIGN_FILTER_KEYS)}>
              {t('crm.list.clearFilters')}
            </Button>
          }
        />
      ) : (
        <PagedList list={list} connection={connection} shown={rows.length} stale={query.isPlaceholderData}>
          {phone ? <CampaignCards rows={rows} /> : <CampaignsTable rows={rows} />}
        </PagedList>
      )}
    </Box>
  );
}
