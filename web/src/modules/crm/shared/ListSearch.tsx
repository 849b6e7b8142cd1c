import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './ListSearch.module.css';

interface ListSearchProps {
  /** The search in the address. */
  value: string;
  /** Called 300 ms after the typing stops. */
  onSearch: (value: string) => void;
  label: string;
  placeholder: string;
}

/** A search box (role searchbox) that asks the API only once the typing pauses; one clear button, ours. */
export function ListSearch({ value, onSearch, label, placeholder }: ListSearchProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text, 300);

  // The latest address and callback, read by the effects below without re-running them.
  const latest = useRef({ value, onSearch, debounced });
  latest.current = { value, onSearch, debounced };

  // Only a pause in typing searches; a change of the address alone must not.
  useEffect(() => {
    const { value: current, onSearch: search } = latest.current;
    if (debounced.trim() !== current) search(debounced.trim());
  }, [debounced]);

  // The address changed from elsewhere (clear filters, back button): show its search.
  useEffect(() => {
    if (value !== latest.current.debounced.trim()) setText(value);
  }, [value]);

  return (
    <TextInput
      type="search"
      classNames={{ input: classes.input }}
      label={label}
      placeholder={placeholder}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={text ? <CloseButton size="sm" aria-label={t('crm.list.clearSearch')} onClick={() => setText('')} /> : null}
      style={{ flex: '2 1 14rem', minWidth: 0 }}
    />
  );
}
