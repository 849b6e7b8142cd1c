import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconUser } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../lib/use-api';
import { TASK_CONTACT_OPTIONS } from './task.documents';

interface PersonSelectProps {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  /** Name of the chosen person when already known (the task's subject). */
  knownName?: string | null;
  description?: string;
  error?: ReactNode;
}

/** Picks a person by typing part of their name, email or phone; the API does the searching. */
export function PersonSelect({ label, value, onChange, knownName, description, error }: PersonSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const [debounced] = useDebouncedValue(search.trim(), 300);
  // The options are asked for once the list is first opened, not for every form shown.
  const [wanted, setWanted] = useState(false);

  const selectedName = value ? ((picked && picked.value === value ? picked.label : null) ?? knownName ?? undefined) : undefined;
  // The chosen person's own name in the box is not a search: show the first people instead.
  const term = debounced === '' || debounced === selectedName ? null : debounced;
  const options = useApiQuery(TASK_CONTACT_OPTIONS, { search: term }, { keepPrevious: true, enabled: wanted });
  const found = options.data?.contacts.edges.map(({ node }) => ({ value: node.id, label: node.fullName })) ?? [];
  // The chosen person stays an option, or the box would forget their name.
  const data = value && selectedName && !found.some((option) => option.value === value) ? [{ value, label: selectedName }, ...found] : found;

  return (
    <Select
      label={label}
      description={description}
      placeholder={t('crm.tasks.form.personPlaceholder')}
      data={data}
      value={value}
      onChange={(next, option) => {
        setPicked(next && option ? { value: next, label: option.label } : null);
        onChange(next);
      }}
      searchable
      clearable
      // Mantine hides the clear button from keyboards and screen readers; here it is a real button.
      clearButtonProps={{ 'aria-label': t('crm.tasks.form.clearPerson'), 'aria-hidden': false, tabIndex: 0 }}
      onSearchChange={setSearch}
      onDropdownOpen={() => setWanted(true)}
      filter={({ options: all }) => all}
      nothingFoundMessage={options.isFetching ? t('common.loading') : t('crm.tasks.form.noPerson')}
      leftSection={<IconUser size={16} aria-hidden />}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
