import { Button, MultiSelect, TextInput } from '@mantine/core';
import { IconCalendarEvent, IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FilterBar } from '../shared/FilterBar';
import { ListSearch } from '../shared/ListSearch';
import { EVENT_KINDS, isEventKind, type EventsView } from './events-view';

interface EventsFiltersProps {
  view: EventsView;
  onChange: (changes: Record<string, string | null>, options?: { replace?: boolean }) => void;
  onClear: () => void;
}

/** Search, the kinds and the period (the days the events start in) of the events list. */
export function EventsFilters({ view, onChange, onClear }: EventsFiltersProps) {
  const { t } = useTranslation();
  return (
    <FilterBar
      label={t('events.list.filtersLabel')}
      toggleLabel={t('crm.list.filters')}
      activeCount={view.activeFilters}
      search={<ListSearch label={t('events.list.searchLabel')} placeholder={t('events.list.searchPlaceholder')} value={view.search} onSearch={(q) => onChange({ q }, { replace: true })} />}
    >
      <MultiSelect
        label={t('events.list.kindFilter')}
        placeholder={view.kinds.length === 0 ? t('events.list.anyKind') : undefined}
        data={EVENT_KINDS.map((kind) => ({ value: kind, label: t(`events.kind.${kind}`) }))}
        value={view.kinds}
        onChange={(kinds) => onChange({ kind: kinds.filter(isEventKind).join(',') || null })}
        clearable
        clearButtonProps={{ 'aria-label': t('events.list.clearKind'), 'aria-hidden': false, tabIndex: 0 }}
        style={{ flex: '1 1 12rem' }}
      />
      <TextInput
        type="date"
        label={t('events.list.from')}
        value={view.from ?? ''}
        onChange={(event) => onChange({ from: event.currentTarget.value || null })}
        leftSection={<IconCalendarEvent size={16} aria-hidden />}
        error={view.inverted ? t('events.list.inverted') : undefined}
        style={{ flex: '1 1 10rem' }}
      />
      <TextInput
        type="date"
        label={t('events.list.to')}
        value={view.to ?? ''}
        min={view.from ?? undefined}
        onChange={(event) => onChange({ to: event.currentTarget.value || null })}
        leftSection={<IconCalendarEvent size={16} aria-hidden />}
        style={{ flex: '1 1 10rem' }}
      />
      {view.narrowed && (
        <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={16} />} onClick={onClear}>
          {t('crm.list.clearFilters')}
        </Button>
      )}
    </FilterBar>
  );
}
