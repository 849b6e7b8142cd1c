import { Button, Chip, MultiSelect, Select } from '@mantine/core';
import { IconFilterOff, IconUserCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OrderDirection } from '../../../gql/graphql';
import { useApiQuery } from '../../../lib/use-api';
import { useViewer } from '../../../lib/viewer';
import { customSortOptions } from '../fields/custom-sort';
import { useCustomFields } from '../fields/use-custom-fields';
import { CountrySelect } from '../shared/CountrySelect';
import { FilterBar } from '../shared/FilterBar';
import { ListSearch } from '../shared/ListSearch';
import { SortControl } from '../shared/SortControl';
import { CRM_TAGS } from '../shared/tags.documents';
import { AssigneeSelect } from '../tasks/AssigneeSelect';
import { CUSTOMER_KINDS, LIFECYCLE_STAGES, SOURCE_CHANNELS } from './customer-options';
import { CUSTOMER_SORTS, MINE, UNOWNED, type CustomersView } from './customers-view';

interface CustomersFiltersProps {
  view: CustomersView;
  onChange: (changes: Record<string, string | null>, options?: { replace?: boolean }) => void;
  onSort: (key: string, direction: OrderDirection | null) => void;
  onClear: () => void;
}

/** Search, "mine", the kind, stage, owner, tag, source and country filters, and the sort of the customers list. */
export function CustomersFilters({ view, onChange, onSort, onClear }: CustomersFiltersProps) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const meId = viewer?.user?.id ?? null;
  const tags = useApiQuery(CRM_TAGS, {}, { staleTime: 60_000 });
  const customFields = useCustomFields('CUSTOMER');
  const tagOptions = [...new Set([...(tags.data?.crmTags ?? []), ...(view.tag ? [view.tag] : [])])];
  const sortLabels: Record<string, string> = {
    name: t('crm.customers.sort.name'),
    created: t('crm.customers.sort.created'),
    updated: t('crm.customers.sort.updated'),
  };
  const ownerValue = view.owner === MINE ? meId : view.owner;
  return (
    <FilterBar
      label={t('crm.customers.filtersLabel')}
      toggleLabel={t('crm.list.filters')}
      activeCount={view.activeFilters}
      search={<ListSearch label={t('crm.customers.searchLabel')} placeholder={t('crm.customers.searchPlaceholder')} value={view.search} onSearch={(q) => onChange({ q }, { replace: true })} />}
    >
      <Chip
        checked={view.owner === MINE}
        onChange={(checked) => onChange({ owner: checked ? MINE : null })}
        variant="outline"
        icon={<IconUserCheck size={14} aria-hidden />}
        style={{ alignSelf: 'center' }}
      >
        {t('crm.customers.mine')}
      </Chip>
      <Select
        label={t('crm.customers.filters.kind')}
        placeholder={t('crm.customers.filters.anyKind')}
        data={CUSTOMER_KINDS.map((kind) => ({ value: kind, label: t(`crm.customers.kind.${kind}`) }))}
        value={view.kind}
        onChange={(kind) => onChange({ kind })}
        clearable
        clearButtonProps={{ 'aria-label': t('crm.customers.filters.clearKind'), 'aria-hidden': false, tabIndex: 0 }}
        style={{ flex: '1 1 9rem' }}
      />
      <MultiSelect
        label={t('crm.customers.filters.stage')}
        placeholder={view.stages.length === 0 ? t('crm.customers.filters.anyStage') : undefined}
        data={LIFECYCLE_STAGES.map((stage) => ({ value: stage, label: t(`crm.customers.stage.${stage}`) }))}
        value={view.stages}
        onChange={(stages) => onChange({ stage: stages.join(',') || null })}
        clearable
        clearButtonProps={{ 'aria-label': t('crm.customers.filters.clearStage'), 'aria-hidden': false, tabIndex: 0 }}
        style={{ flex: '1 1 11rem' }}
      />
      <AssigneeSelect
        label={t('crm.customers.filters.owner')}
        nobodyValue={UNOWNED}
        anyone
        clearLabel={t('crm.customers.filters.clearOwner')}
        value={ownerValue}
        onChange={(owner) => onChange({ owner: owner !== null && owner === meId ? MINE : owner })}
        style={{ flex: '1 1 11rem' }}
      />
      <Select
        label={t('crm.customers.filters.tag')}
        placeholder={t('crm.customers.filters.anyTag')}
        data={tagOptions}
        value={view.tag}
        onChange={(tag) => onChange({ tag })}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': t('crm.customers.filters.clearTag'), 'aria-hidden': false, tabIndex: 0 }}
        nothingFoundMessage={t('crm.customers.filters.noTag')}
        style={{ flex: '1 1 9rem' }}
      />
      <Select
        label={t('crm.customers.filters.channel')}
        placeholder={t('crm.customers.filters.anyChannel')}
        data={SOURCE_CHANNELS.map((channel) => ({ value: channel, label: t(`crm.customers.channel.${channel}`) }))}
        value={view.channel}
        onChange={(channel) => onChange({ channel })}
        clearable
        clearButtonProps={{ 'aria-label': t('crm.customers.filters.clearChannel'), 'aria-hidden': false, tabIndex: 0 }}
        style={{ flex: '1 1 10rem' }}
      />
      <CountrySelect
        label={t('crm.customers.filters.country')}
        placeholder={t('crm.customers.filters.anyCountry')}
        value={view.country}
        onChange={(country) => onChange({ country })}
        style={{ flex: '1 1 11rem' }}
      />
      <SortControl options={[...CUSTOMER_SORTS.map((option) => ({ value: option.key, label: sortLabels[option.key] ?? option.key })), ...customSortOptions(customFields.fields)]} value={view.sort.key} direction={view.sort.direction} onChange={onSort} />
      {view.narrowed && (
        <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={16} />} onClick={onClear}>
          {t('crm.list.clearFilters')}
        </Button>
      )}
    </FilterBar>
  );
}
