import { Button } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OrderDirection } from '../../../gql/graphql';
import { FilterBar } from '../shared/FilterBar';
import { ListSearch } from '../shared/ListSearch';
import { SortControl } from '../shared/SortControl';
import { COMPANY_SORTS, type CompaniesView } from './companies-view';

interface CompaniesFiltersProps {
  view: CompaniesView;
  onChange: (changes: Record<string, string | null>, options?: { replace?: boolean }) => void;
  onSort: (key: string, direction: OrderDirection | null) => void;
  onClear: () => void;
}

/** Search and sort of the companies list. */
export function CompaniesFilters({ view, onChange, onSort, onClear }: CompaniesFiltersProps) {
  const { t } = useTranslation();
  const sortLabels: Record<string, string> = {
    name: t('crm.companies.sort.name'),
    created: t('crm.companies.sort.created'),
    updated: t('crm.companies.sort.updated'),
  };
  return (
    <FilterBar
      label={t('crm.companies.filtersLabel')}
      toggleLabel={t('crm.list.sort')}
      activeCount={0}
      search={<ListSearch label={t('crm.companies.searchLabel')} placeholder={t('crm.companies.searchPlaceholder')} value={view.search} onSearch={(q) => onChange({ q }, { replace: true })} />}
    >
      <SortControl options={COMPANY_SORTS.map((option) => ({ value: option.key, label: sortLabels[option.key] ?? option.key }))} value={view.sort.key} direction={view.sort.direction} onChange={onSort} />
      {view.narrowed && (
        <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={16} />} onClick={onClear}>
          {t('crm.list.clearFilters')}
        </Button>
      )}
    </FilterBar>
  );
}
