import { Button, Select } from '@mantine/core';
import { IconBriefcase, IconFilterOff, IconTags } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OrderDirection } from '../../../gql/graphql';
import { useApiQuery } from '../../../lib/use-api';
import { CustomerSelect } from '../customers/CustomerSelect';
import { customSortOptions } from '../fields/custom-sort';
import { useCustomFields } from '../fields/use-custom-fields';
import { POSITIONS } from '../positions/position.documents';
import { FilterBar } from '../shared/FilterBar';
import { ListSearch } from '../shared/ListSearch';
import { SortControl } from '../shared/SortControl';
import { CRM_TAGS } from '../shared/tags.documents';
import { CONTACT_SORTS, type ContactsView } from './contacts-view';

interface ContactsFiltersProps {
  view: ContactsView;
  onChange: (changes: Record<string, string | null>, options?: { replace?: boolean }) => void;
  onSort: (key: string, direction: OrderDirection | null) => void;
  onClear: () => void;
}

/** Search, the email, customer, position and tag filters, and the sort of the people list. */
export function ContactsFilters({ view, onChange, onSort, onClear }: ContactsFiltersProps) {
  const { t } = useTranslation();
  const positions = useApiQuery(POSITIONS, {}, { staleTime: 60_000 });
  const tags = useApiQuery(CRM_TAGS, {}, { staleTime: 60_000 });
  const customFields = useCustomFields('CONTACT');
  const tagOptions = [...new Set([...(tags.data?.crmTags ?? []), ...(view.tag ? [view.tag] : [])])];
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
      activeCount={view.activeFilters}
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
      <CustomerSelect
        label={t('crm.people.customerFilter')}
        placeholder={t('crm.people.anyCustomer')}
        value={view.customerId}
        onChange={(customer) => onChange({ customer, company: null })}
        style={{ flex: '1 1 13rem' }}
      />
      <Select
        label={t('crm.people.positionFilter')}
        placeholder={t('crm.people.anyPosition')}
        data={(positions.data?.positions ?? []).map((position) => ({ value: position.id, label: position.name }))}
        value={view.positionId}
        onChange={(position) => onChange({ position })}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': t('crm.people.clearPosition'), 'aria-hidden': false, tabIndex: 0 }}
        nothingFoundMessage={t('crm.positions.nothingFound')}
        leftSection={<IconBriefcase size={16} aria-hidden />}
        style={{ flex: '1 1 11rem' }}
      />
      <Select
        label={t('crm.people.tagFilter')}
        placeholder={t('crm.people.anyTag')}
        data={tagOptions}
        value={view.tag}
        onChange={(tag) => onChange({ tag })}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': t('crm.people.clearTag'), 'aria-hidden': false, tabIndex: 0 }}
        nothingFoundMessage={t('crm.customers.filters.noTag')}
        leftSection={<IconTags size={16} aria-hidden />}
        style={{ flex: '1 1 9rem' }}
      />
      <SortControl options={[...CONTACT_SORTS.map((option) => ({ value: option.key, label: sortLabels[option.key] ?? option.key })), ...customSortOptions(customFields.fields)]} value={view.sort.key} direction={view.sort.direction} onChange={onSort} />
      {view.narrowed && (
        <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={16} />} onClick={onClear}>
          {t('crm.list.clearFilters')}
        </Button>
      )}
    </FilterBar>
  );
}
