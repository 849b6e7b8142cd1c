import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconUsers } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../lib/use-api';
import { EVENT_PEOPLE_OPTIONS } from './event.documents';

interface PeoplePickerProps {
  label: string;
  description?: string;
  value: string[];
  onChange: (ids: string[]) => void;
  /** People who need not be offered (already registered). */
  exclude?: ReadonlySet<string>;
  error?: ReactNode;
}

/** Picks several people by typing part of their name, email or phone; the API does the searching. */
export function PeoplePicker({ label, description, value, onChange, exclude, error }: PeoplePickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  // Names of the people picked so far: they stay in the box whatever the next search finds.
  const [picked, setPicked] = useState<Map<string, string>>(new Map());
  const options = useApiQuery(EVENT_PEOPLE_OPTIONS, { search: debounced || null }, { keepPrevious: true });
  const found = (options.data?.contacts.edges ?? [])
    .map(({ node }) => node)
    .filter((person) => !exclude?.has(person.id))
    .map((person) => ({ value: person.id, label: person.customer ? t('events.attendees.personOption', { name: person.fullName, customer: person.customer.name }) : person.fullName }));
  const data = [...found, ...value.filter((id) => !found.some((option) => option.value === id)).map((id) => ({ value: id, label: picked.get(id) ?? id }))];

  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={value.length === 0 ? t('events.attendees.pickerPlaceholder') : undefined}
      data={data}
      value={value}
      onChange={(ids) => {
        setPicked((before) => {
          const next = new Map(before);
          for (const id of ids) {
            const option = data.find((candidate) => candidate.value === id);
            if (option) next.set(id, option.label);
          }
          return next;
        });
        onChange(ids);
        setSearch('');
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      hidePickedOptions
      clearable
      clearButtonProps={{ 'aria-label': t('events.attendees.clearPicker'), 'aria-hidden': false, tabIndex: 0 }}
      nothingFoundMessage={options.isFetching ? t('common.loading') : t('events.attendees.nobodyFound')}
      leftSection={<IconUsers size={16} aria-hidden />}
      error={error}
      maxValues={500}
      comboboxProps={{ withinPortal: true }}
      data-autofocus
    />
  );
}
