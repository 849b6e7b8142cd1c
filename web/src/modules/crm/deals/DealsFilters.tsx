import { Button, Select, TextInput } from '@mantine/core';
import { IconCalendarEvent, IconFilterOff, IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OrderDirection } from '../../../gql/graphql';
import { FilterBar } from '../shared/FilterBar';
import { ListSearch } from '../shared/ListSearch';
import { SortControl } from '../shared/SortControl';
import { DEAL_SORTS, type DealsView } from './deals-view';
import { useMemberOptions } from './use-members';

interface DealsFiltersProps {
  view: DealsView;
  onChange: (changes: Record<string, string | null>, options?: { replace?: boolean }) => void;
  onSort: (key: string, direction: OrderDirection | null) => void;
  onClear: () => void;
}

/** Search, status, owner, rotting and expected-close filters, and the sort of the deals list: all in the address. */
export function DealsFilters({ view, onChange, onSort, onClear }: DealsFiltersProps) {
  const { t } = useTranslation();
  const members = useMemberOptions();
  const sortLabels: Record<string, string> = {
    created: t('deals.sort.created'),
    close: t('deals.sort.close'),
    amount: t('deals.sort.amount'),
    title: t('deals.sort.title'),
    updated: t('deals.sort.updated'),
  };
  const active = (view.status !== 'open' ? 1 : 0) + (view.owner ? 1 : 0) + (view.rotting ? 1 : 0) + (view.closeFrom || view.closeTo ? 1 : 0);
  return (
    <FilterBar
      label={t('deals.list.filtersLabel')}
      toggleLabel={t('crm.list.filters')}
      activeCount={active}
      search={<ListSearch label={t('deals.list.searchLabel')} placeholder={t('deals.list.searchPlaceholder')} value={view.search} onSearch={(q) => onChange({ q }, { replace: true })} />}
    >
      <Select
        label={t('deals.list.statusFilter')}
        data={[
          { value: 'open', label: t('deals.status.OPEN') },
          { value: 'won', label: t('deals.status.WON') },
          { value: 'lost', label: t('deals.status.LOST') },
          { value: 'all', label: t('deals.list.anyStatus') },
        ]}
        value={view.status}
        allowDeselect={false}
        onChange={(status) => onChange({ status: status === 'open' ? null : status })}
        style={{ flex: '1 1 8rem' }}
      />
      <Select
        label={t('deals.list.ownerFilter')}
        placeholder={t('deals.list.anyOwner')}
        data={members.options}
        value={view.owner}
        onChange={(owner) => onChange({ owner })}
        clearable
        clearButtonProps={{ 'aria-label': t('deals.list.clearOwner'), 'aria-hidden': false, tabIndex: 0 }}
        searchable={members.options.length > 8}
        nothingFoundMessage={members.loading ? t('common.loading') : t('deals.list.noOwner')}
        leftSection={<IconUserCircle size={16} aria-hidden />}
        style={{ flex: '1 1 11rem' }}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label={t('deals.list.rottingFilter')}
        placeholder={t('deals.list.rottingAny')}
        data={[
          { value: 'yes', label: t('deals.list.rottingYes') },
          { value: 'no', label: t('deals.list.rottingNo') },
        ]}
        value={view.rotting}
        onChange={(rotting) => onChange({ rotting })}
        clearable
        clearButtonProps={{ 'aria-label': t('deals.list.clearRotting'), 'aria-hidden': false, tabIndex: 0 }}
        style={{ flex: '1 1 9rem' }}
      />
      <TextInput
        type="date"
        label={t('deals.list.closeFrom')}
        value={view.closeFrom}
        max={view.closeTo || undefined}
        onChange={(event) => onChange({ closeFrom: event.currentTarget.value })}
        leftSection={<IconCalendarEvent size={16} aria-hidden />}
        style={{ flex: '1 1 9rem' }}
      />
      <TextInput
        type="date"
        label={t('deals.list.closeTo')}
        value={view.closeTo}
        min={view.closeFrom || undefined}
        onChange={(event) => onChange({ closeTo: event.currentTarget.value })}
        error={view.rangeInverted ? t('errors.reason.INVALID_DATE_RANGE') : undefined}
        leftSection={<IconCalendarEvent size={16} aria-hidden />}
        style={{ flex: '1 1 9rem' }}
      />
      <SortControl options={DEAL_SORTS.map((option) => ({ value: option.key, label: sortLabels[option.key] ?? option.key }))} value={view.sort.key} direction={view.sort.direction} onChange={onSort} />
      {view.narrowed && (
        <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={16} />} onClick={onClear}>
          {t('crm.list.clearFilters')}
        </Button>
      )}
    </FilterBar>
  );
}
