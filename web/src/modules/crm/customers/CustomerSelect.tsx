import { Group, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconHeartHandshake } from '@tabler/icons-react';
import { useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerKind } from '../../../gql/graphql';
import { useApiQuery } from '../../../lib/use-api';
import { CUSTOMER_NAME, CUSTOMER_OPTIONS } from './customer.documents';
import { isCustomerKind } from './customer-options';
import { KIND_ICON } from './CustomerKindIcon';

interface CustomerSelectProps {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  /** Name of the chosen customer when the caller already knows it (editing a person). */
  knownName?: string | null;
  /** A customer not to offer (a customer cannot refer itself). */
  exclude?: string | null;
  placeholder?: string;
  description?: ReactNode;
  error?: ReactNode;
  style?: CSSProperties;
}

interface Option {
  value: string;
  label: string;
  kind: CustomerKind | null;
}

/** Picks a customer by typing part of its name, domain, email or phone; the API does the searching. */
export function CustomerSelect({ label, value, onChange, knownName, exclude, placeholder, description, error, style }: CustomerSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const [debounced] = useDebouncedValue(search.trim(), 300);
  // The options are asked for once the list is first opened, not for every form shown.
  const [wanted, setWanted] = useState(false);

  const pickedName = picked && picked.value === value ? picked.label : undefined;
  const named = useApiQuery(CUSTOMER_NAME, { id: value ?? '' }, { enabled: value !== null && !pickedName && !knownName });
  const selectedName = value ? (pickedName ?? knownName ?? named.data?.customer.name) : undefined;
  // The chosen customer's own name in the box is not a search: show the first customers instead.
  const term = debounced === '' || debounced === selectedName ? null : debounced;
  const options = useApiQuery(CUSTOMER_OPTIONS, { search: term }, { keepPrevious: true, enabled: wanted });
  const found: Option[] = (options.data?.customers.edges ?? []).filter(({ node }) => node.id !== exclude).map(({ node }) => ({ value: node.id, label: node.name, kind: node.kind }));
  // The chosen customer stays an option, or the box would forget its name.
  const data: Option[] =
    value && selectedName && !found.some((option) => option.value === value) ? [{ value, label: selectedName, kind: named.data?.customer.kind ?? null }, ...found] : found;
  const kinds = new Map(data.map((option) => [option.value, option.kind]));
  const busy = options.isFetching || named.isFetching;

  return (
    <Select
      label={label}
      description={description}
      placeholder={placeholder ?? t('crm.customerPicker.placeholder')}
      data={data.map(({ value: id, label: name }) => ({ value: id, label: name }))}
      value={value}
      onChange={(next, option) => {
        setPicked(next && option ? { value: next, label: option.label } : null);
        onChange(next);
      }}
      searchable
      clearable
      // Mantine hides the clear button from keyboards and screen readers; here it is a real button.
      clearButtonProps={{ 'aria-label': t('crm.customerPicker.clear'), 'aria-hidden': false, tabIndex: 0 }}
      onSearchChange={setSearch}
      onDropdownOpen={() => setWanted(true)}
      filter={({ options: all }) => all}
      nothingFoundMessage={busy ? t('common.loading') : t('crm.customerPicker.nothingFound')}
      renderOption={({ option }) => {
        const kind = kinds.get(option.value);
        const Icon = isCustomerKind(kind) ? KIND_ICON[kind] : IconHeartHandshake;
        return (
          <Group gap={8} wrap="nowrap">
            <Icon size={16} aria-hidden style={{ flexShrink: 0 }} />
            <Text fz="sm">{option.label}</Text>
          </Group>
        );
      }}
      leftSection={<IconHeartHandshake size={16} aria-hidden />}
      error={error}
      style={style}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
