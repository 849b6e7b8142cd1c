import { Select, type ComboboxParsedItem } from '@mantine/core';
import { IconWorld } from '@tabler/icons-react';
import type { CSSProperties, FocusEventHandler, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { searchable, useCountryOptions } from './countries';

interface CountrySelectProps {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  placeholder?: string;
  description?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  onFocus?: FocusEventHandler<HTMLInputElement>;
  onBlur?: FocusEventHandler<HTMLInputElement>;
  style?: CSSProperties;
}

/** Picks a country by typing its name (in the interface language, accents optional) or its ISO code. */
export function CountrySelect({ label, value, onChange, placeholder, description, error, required, onFocus, onBlur, style }: CountrySelectProps) {
  const { t } = useTranslation();
  const options = useCountryOptions();
  return (
    <Select
      label={label}
      placeholder={placeholder ?? t('crm.address.countryPlaceholder')}
      description={description}
      data={options}
      // An empty string from a cleared form field is "no country".
      value={value || null}
      onChange={(next) => onChange(next)}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('crm.address.clearCountry'), 'aria-hidden': false, tabIndex: 0 }}
      filter={({ options: all, search }) => {
        const wanted = searchable(search.trim());
        if (wanted === '') return all;
        return all.filter((option: ComboboxParsedItem) => 'value' in option && (searchable(option.label).includes(wanted) || option.value.toLowerCase() === wanted));
      }}
      limit={300}
      nothingFoundMessage={t('crm.address.noCountry')}
      leftSection={<IconWorld size={16} aria-hidden />}
      error={error}
      required={required}
      onFocus={onFocus}
      onBlur={onBlur}
      style={style}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
