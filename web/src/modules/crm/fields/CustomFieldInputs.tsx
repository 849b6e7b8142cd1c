import { Checkbox, MultiSelect, NumberInput, Select, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomFieldDef, CustomValue, CustomValues } from './custom-values';

export interface CustomFieldInputsProps {
  /** The fields, in their order (see useCustomFields). */
  fields: CustomFieldDef[];
  /** The values by field key (see customFormValues). */
  values: CustomValues;
  onChange: (key: string, value: CustomValue) => void;
  /** The form's errors; a field's is `errors['customFields.<key>']` (see `errorPrefix`). */
  errors?: Record<string, ReactNode>;
  errorPrefix?: string;
}

/**
 * One input per custom field, by its type: text, a whole number, a decimal, a date, yes/no, one
 * option or several. Renders the inputs only, for the form's own grid (a FormSection).
 */
export function CustomFieldInputs({ fields, values, onChange, errors = {}, errorPrefix = 'customFields' }: CustomFieldInputsProps) {
  const { t } = useTranslation();
  return (
    <>
      {fields.map((field) => {
        const value = values[field.key] ?? null;
        const error = errors[`${errorPrefix}.${field.key}`];
        const common = { label: field.label, required: field.required, error, autoComplete: 'off' };
        const textValue = typeof value === 'string' ? value : '';
        switch (field.type) {
          case 'TEXT':
            return <TextInput key={field.key} {...common} value={textValue} onChange={(event) => onChange(field.key, event.currentTarget.value)} />;
          case 'NUMBER':
            return (
              <NumberInput
                key={field.key}
                {...common}
                inputMode="numeric"
                hideControls
                value={textValue}
                onChange={(next) => onChange(field.key, typeof next === 'string' ? next : String(next))}
              />
            );
          case 'DECIMAL':
            return (
              <TextInput
                key={field.key}
                {...common}
                inputMode="decimal"
                placeholder={t('fields.input.decimalPlaceholder')}
                value={textValue}
                onChange={(event) => onChange(field.key, event.currentTarget.value)}
              />
            );
          case 'DATE':
            return <TextInput key={field.key} {...common} type="date" value={textValue} onChange={(event) => onChange(field.key, event.currentTarget.value)} />;
          case 'BOOLEAN':
            return (
              <Checkbox
                key={field.key}
                label={field.label}
                error={error}
                checked={value === true}
                onChange={(event) => onChange(field.key, event.currentTarget.checked)}
                mt={{ base: 0, sm: 'lg' }}
              />
            );
          case 'SELECT':
            return (
              <Select
                key={field.key}
                {...common}
                placeholder={t('fields.input.choose')}
                data={field.options.map((option) => ({ value: option.key, label: option.label }))}
                value={typeof value === 'string' ? value : null}
                onChange={(next) => onChange(field.key, next)}
                clearable={!field.required}
                clearButtonProps={{ 'aria-label': t('fields.input.clear', { label: field.label }), 'aria-hidden': false, tabIndex: 0 }}
                searchable={field.options.length > 8}
                nothingFoundMessage={t('fields.input.noOption')}
                comboboxProps={{ withinPortal: true }}
              />
            );
          case 'MULTI_SELECT':
            return (
              <MultiSelect
                key={field.key}
                {...common}
                placeholder={Array.isArray(value) && value.length > 0 ? undefined : t('fields.input.chooseSeveral')}
                data={field.options.map((option) => ({ value: option.key, label: option.label }))}
                value={Array.isArray(value) ? value : []}
                onChange={(next) => onChange(field.key, next)}
                clearable
                clearButtonProps={{ 'aria-label': t('fields.input.clear', { label: field.label }), 'aria-hidden': false, tabIndex: 0 }}
                searchable={field.options.length > 8}
                nothingFoundMessage={t('fields.input.noOption')}
                comboboxProps={{ withinPortal: true }}
              />
            );
        }
      })}
    </>
  );
}
