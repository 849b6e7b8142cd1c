import { Button, MultiSelect, Select } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FilterBar } from '../../crm/shared/FilterBar';
import { CAMPAIGN_STATUSES, CHANNELS, isCampaignStatus, isChannel } from '../shared/channels';
import type { CampaignsView } from './campaigns-view';

interface CampaignsFiltersProps {
  view: CampaignsView;
  onChange: (changes: Record<string, string | null>) => void;
  onClear: () => void;
}

/** The statuses and the channel of the campaigns list, kept in the address. */
export function CampaignsFilters({ view, onChange, onClear }: CampaignsFiltersProps) {
  const { t } = useTranslation();
  return (
    <FilterBar label={t('marketing.campaigns.list.filtersLabel')} toggleLabel={t('crm.list.filters')} activeCount={view.activeFilters} search={null}>
      <MultiSelect
        label={t('marketing.campaigns.list.statusFilter')}
        placeholder={view.statuses.length === 0 ? t('marketing.campaigns.list.anyStatus') : undefined}
        data={CAMPAIGN_STATUSES.map((value) => ({ value, label: t(`marketing.status.${value}`) }))}
        value={view.statuses}
        onChange={(values) => onChange({ status: values.filter(isCampaignStatus).join(',') || null })}
        clearable
        clearButtonProps={{ 'aria-label': t('marketing.campaigns.list.clearStatus'), 'aria-hidden': false, tabIndex: 0 }}
        comboboxProps={{ withinPortal: true }}
        style={{ flex: '1 1 16rem' }}
      />
      <Select
        label={t('marketing.campaigns.list.channelFilter')}
        placeholder={t('marketing.campaigns.list.anyChannel')}
        data={CHANNELS.map((value) => ({ value, label: t(`marketing.channel.${value}`) }))}
        value={view.channel}
        onChange={(value) => onChange({ channel: isChannel(value) ? value : null })}
        clearable
        clearButtonProps={{ 'aria-label': t('marketing.campaigns.list.clearChannel'), 'aria-hidden': false, tabIndex: 0 }}
        comboboxProps={{ withinPortal: true }}
        style={{ flex: '0 1 12rem' }}
      />
      {view.narrowed && (
        <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={16} />} onClick={onClear}>
          {t('crm.list.clearFilters')}
        </Button>
      )}
    </FilterBar>
  );
}
