import { ActionIcon, Button, Code, Group, Input, Stack, TextInput, Tooltip } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_OPTIONS } from './custom-field-key';
import { optionRow, type FieldFormValues } from './field-form';

/**
 * The choices of a select field: add, rename, move and remove. An existing option keeps its key
 * (records store it), so renaming never touches a record; a new one gets a key from its label.
 */
export function OptionsEditor({ form }: { form: UseFormReturnType<FieldFormValues> }) {
  const { t } = useTranslation();
  const labelId = useId();
  const options = form.values.options;
  const error = form.errors.options;
  return (
    <Stack gap={6} role="group" aria-labelledby={labelId}>
      <Input.Label id={labelId} required component="div">
        {t('fields.options.title')}
      </Input.Label>
      <Input.Description>{t('fields.options.hint')}</Input.Description>
      <Stack gap={6} role="list">
        {options.map((option, index) => {
          const name = option.label.trim() || t('fields.options.number', { number: index + 1 });
          return (
            <Group key={option.row} gap={6} wrap="nowrap" align="flex-start" role="listitem">
              <TextInput
                aria-label={t('fields.options.label', { number: index + 1 })}
                placeholder={t('fields.options.placeholder')}
                autoComplete="off"
                style={{ flex: 1 }}
                rightSection={option.key ? <Code fz={10}>{option.key}</Code> : null}
                rightSectionWidth={option.key ? Math.min(160, 24 + option.key.length * 7) : undefined}
                {...form.getInputProps(`options.${index}.label`)}
                onChange={(event) => {
                  form.setFieldValue(`options.${index}.label`, event.currentTarget.value);
                  form.clearFieldError('options');
                }}
              />
              <Tooltip label={t('fields.options.moveUp', { name })}>
                <ActionIcon variant="default" size={36} aria-label={t('fields.options.moveUp', { name })} disabled={index === 0} onClick={() => form.reorderListItem('options', { from: index, to: index - 1 })}>
                  <IconArrowUp size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
              <Tooltip label={t('fields.options.moveDown', { name })}>
                <ActionIcon
                  variant="default"
                  size={36}
                  aria-label={t('fields.options.moveDown', { name })}
                  disabled={index === options.length - 1}
                  onClick={() => form.reorderListItem('options', { from: index, to: index + 1 })}
                >
                  <IconArrowDown size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
              <Tooltip label={t('fields.options.remove', { name })}>
                <ActionIcon variant="subtle" color="red" size={36} aria-label={t('fields.options.remove', { name })} onClick={() => form.removeListItem('options', index)}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
            </Group>
          );
        })}
      </Stack>
      {error && <Input.Error role="alert">{error}</Input.Error>}
      <Button
        variant="subtle"
        size="compact-sm"
        leftSection={<IconPlus size={14} aria-hidden />}
        w="fit-content"
        disabled={options.length >= MAX_OPTIONS}
        onClick={() => {
          form.insertListItem('options', optionRow());
          form.clearFieldError('options');
        }}
      >
        {t('fields.options.add')}
      </Button>
    </Stack>
  );
}
