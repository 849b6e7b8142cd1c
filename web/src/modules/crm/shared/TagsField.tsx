import { TagsInput } from '@mantine/core';
import { IconTags } from '@tabler/icons-react';
import type { FocusEventHandler, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../lib/use-api';
import { CRM_TAGS } from './tags.documents';
import { MAX_TAGS } from './tags';

interface TagsFieldProps {
  label: string;
  value: string[];
  onChange: (value: string[]) => void;
  description?: ReactNode;
  error?: ReactNode;
  onFocus?: FocusEventHandler<HTMLInputElement>;
  onBlur?: FocusEventHandler<HTMLInputElement>;
}

/** Free tags (Enter or a comma adds one), with the tags already in use as suggestions. */
export function TagsField({ label, value, onChange, description, error, onFocus, onBlur }: TagsFieldProps) {
  const { t } = useTranslation();
  const tags = useApiQuery(CRM_TAGS, {}, { staleTime: 60_000 });
  return (
    <TagsInput
      label={label}
      description={description ?? t('crm.tags.hint')}
      placeholder={value.length === 0 ? t('crm.tags.placeholder') : undefined}
      data={tags.data?.crmTags ?? []}
      value={value}
      onChange={onChange}
      maxTags={MAX_TAGS}
      splitChars={[',']}
      clearable
      clearButtonProps={{ 'aria-label': t('crm.tags.clear'), 'aria-hidden': false, tabIndex: 0 }}
      leftSection={<IconTags size={16} aria-hidden />}
      error={error}
      onFocus={onFocus}
      onBlur={onBlur}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
