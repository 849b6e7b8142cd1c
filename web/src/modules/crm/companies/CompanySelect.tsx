import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuilding } from '@tabler/icons-react';
import { useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../lib/use-api';
import { COMPANY_NAME, COMPANY_OPTIONS } from './company.documents';

interface CompanySelectProps {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  /** Name of the chosen company when the caller already knows it (editing a person). */
  knownName?: string | null;
  placeholder?: string;
  description?: string;
  error?: ReactNode;
  style?: CSSProperties;
}

/** Picks a company by typing part of its name, domain, email or phone; the API does the searching. */
export function CompanySelect({ label, value, onChange, knownName, placeholder, description, error, style }: CompanySelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const [debounced] = useDebouncedValue(search.trim(), 300);
  // The options are asked for once the list is first opened, not for every form shown.
  const [wanted, setWanted] = useState(false);

  const pickedName = picked && picked.value === value ? picked.label : undefined;
  const named = useApiQuery(COMPANY_NAME, { id: value ?? '' }, { enabled: value !== null && !pickedName && !knownName });
  const selectedName = value ? (pickedName ?? knownName ?? named.data?.company.name) : undefined;
  // The chosen company's own name in the box is not a search: show the first companies instead.
  const term = debounced === '' || debounced === selectedName ? null : debounced;
  const options = useApiQuery(COMPANY_OPTIONS, { search: term }, { keepPrevious: true, enabled: wanted });
  const found = options.data?.companies.edges.map(({ node }) => ({ value: node.id, label: node.name })) ?? [];
  // The chosen company stays an option, or the box would forget its name.
  const data = value && selectedName && !found.some((option) => option.value === value) ? [{ value, label: selectedName }, ...found] : found;
  const busy = options.isFetching || named.isFetching;

  return (
    <Select
      label={label}
      description={description}
      placeholder={placeholder ?? t('crm.companyPicker.placeholder')}
      data={data}
      value={value}
      onChange={(next, option) => {
        setPicked(next && option ? { value: next, label: option.label } : null);
        onChange(next);
      }}
      searchable
      clearable
      // Mantine hides the clear button from keyboards and screen readers; here it is a real button.
      clearButtonProps={{ 'aria-label': t('crm.companyPicker.clear'), 'aria-hidden': false, tabIndex: 0 }}
      onSearchChange={setSearch}
      onDropdownOpen={() => setWanted(true)}
      filter={({ options: all }) => all}
      nothingFoundMessage={busy ? t('common.loading') : t('crm.companyPicker.nothingFound')}
      leftSection={<IconBuilding size={16} aria-hidden />}
      error={error}
      style={style}
    />
  );
}
