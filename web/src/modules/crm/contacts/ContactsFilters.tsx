import { Button, Select } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OrderDirection } from '../../../gql/graphql';
import { CompanySelect } from '../companies/CompanySelect';
import { FilterBar } from '../shared/FilterBar';
import { ListSearch } from '../shared/ListSearch';
import { SortControl } from '../shared/SortControl';
import { CONTACT_SORTS, type ContactsView } from './contacts-view';

interface ContactsFiltersProps {
  view: ContactsView;
  companiesOn: boolean;
  onChange: (changes: Record<string, string | null>, options?: { replace?: boolean }) => void;
  onSort: (key: string, direction: OrderDirection | null) => void;
  onClear: () => void;
}

/** Search, the email and company filters, and the sort of the people list. */
export function ContactsFilters({ view, companiesOn, onChange, onSort, onClear }: ContactsFiltersProps) {
  const { t } = useTranslation();
  const sortLabels: Record<string, string> = {
    name: t('crm.people.sort.name'),
    email: t('crm.people.sort.email'),
    created: t('crm.people.sort.created'),
    updated: t('crm.people.sort.updated'),
  };
  return (
    <FilterBar
      label={t('crm.people.filtersLabel')}
      toggleLabel={t('crm.list.filters')}
      activeCount={(view.email !== 'any' ? 1 : 0) + (view.companyId ? 1 : 0)}
      search={<ListSearch label={t('crm.people.searchLabel')} placeholder={t('crm.people.searchPlaceholder')} value={view.search} onSearch={(q) => onChange({ q }, { replace: true })} />}
    >
      <Select
        label={t('crm.people.emailFilter.label')}
        data={[
          { value: 'any', label: t('crm.people.emailFilter.any') },
          { value: 'with', label: t('crm.people.emailFilter.with') },
          { value: 'without', label: t('crm.people.emailFilter.without') },
        ]}
        value={view.email}
        allowDeselect={false}
        onChange={(email) => onChange({ email: email === 'any' ? null : email })}
        style={{ flex: '1 1 9rem' }}
      />
      {companiesOn && (
        <CompanySelect
          label={t('crm.people.companyFilter')}
          placeholder={t('crm.people.anyCompany')}
          value={view.companyId}
          onChange={(company) => onChange({ company })}
          style={{ flex: '1 1 13rem' }}
        />
      )}
      <SortControl options={CONTACT_SORTS.map((option) => ({ value: option.key, label: sortLabels[option.key] ?? option.key }))} value={view.sort.key} direction={view.sort.direction} onChange={onSort} />
      {view.narrowed && (
        <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={16} />} onClick={onClear}>
          {t('crm.list.clearFilters')}
        </Button>
      )}
    </FilterBar>
  );
}
