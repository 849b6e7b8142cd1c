import { Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomFieldEntity } from '../../../gql/graphql';
import { ApiError } from '../../../lib/api-error';
import { showApiError } from '../../../lib/form-errors';
import { useApiMutation } from '../../../lib/use-api';
import { CREATE_CUSTOM_FIELD, CUSTOM_FIELD_QUERIES, UPDATE_CUSTOM_FIELD } from './custom-field.documents';
import { KEY_MAX, keyFromLabel } from './custom-field-key';
import { isSelectable, type CustomFieldDef } from './custom-values';
import {
  changedFieldInput,
  createFieldInput,
  emptyField,
  FIELD_TYPES,
  fieldFormValues,
  isFieldType,
  optionErrorPaths,
  removedOptions,
  validateField,
  type FieldFormValues,
} from './field-form';
import { OptionsEditor } from './OptionsEditor';

interface CustomFieldModalProps {
  entity: CustomFieldEntity;
  /** The field edited; null adds one. */
  field: CustomFieldDef | null;
  /** Keys of the record type's other fields. */
  taken: ReadonlySet<string>;
  onClose: () => void;
}

/** The IN_USE refusal of an edit: how many records hold an option it removes. */
function inUseCount(error: unknown): number | null {
  if (!(error instanceof ApiError)) return null;
  const problem = error.problems.find((entry) => entry.reason === 'IN_USE');
  if (!problem) return null;
  return typeof problem.params?.count === 'number' ? problem.params.count : 0;
}

/** Adds a field (label, key, type, required, options) or edits one (the key and type stay). */
export function CustomFieldModal({ entity, field, taken, onClose }: CustomFieldModalProps) {
  const { t } = useTranslation();
  const creating = field === null;
  const [busy, setBusy] = useState(false);
  const create = useApiMutation(CREATE_CUSTOM_FIELD, CUSTOM_FIELD_QUERIES);
  const update = useApiMutation(UPDATE_CUSTOM_FIELD, CUSTOM_FIELD_QUERIES);
  const form = useForm<FieldFormValues>({
    initialValues: field ? fieldFormValues(field) : emptyField(),
    validate: (values) => validateField(t, values, creating, taken),
  });
  const selectable = isSelectable(form.values.type);
  const title = creating ? t('fields.modal.newTitle') : t('fields.modal.editTitle', { label: field.label });

  function changeLabel(label: string) {
    form.setFieldValue('label', label);
    if (creating && !form.values.keyTyped) form.setFieldValue('key', keyFromLabel(label));
  }

  async function submit(values: FieldFormValues) {
    setBusy(true);
    try {
      if (field === null) {
        const { createCustomField } = await create.mutateAsync({ input: createFieldInput(entity, values) });
        notifications.show({ color: 'green', message: t('fields.created', { label: createCustomField.label }) });
      } else {
        const input = changedFieldInput(field, values);
        if (input) {
          await update.mutateAsync({ input });
          notifications.show({ color: 'green', message: t('fields.saved', { label: values.label.trim() }) });
        }
      }
      onClose();
    } catch (error) {
      const count = inUseCount(error);
      if (count !== null && field) {
        const removed = removedOptions(field, values);
        form.setFieldError('options', t('fields.options.inUse', { count, options: removed.join(', ') }));
      } else {
        showApiError(t, error, form, optionErrorPaths(values.options));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={title} size="lg" centered>
      <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate aria-label={title}>
        <Stack gap="md">
          <TextInput
            label={t('fields.form.label')}
            description={t('fields.form.labelHint')}
            required
            autoComplete="off"
            data-autofocus
            {...form.getInputProps('label')}
            onChange={(event) => changeLabel(event.currentTarget.value)}
          />
          {creating ? (
            <TextInput
              label={t('fields.form.key')}
              description={t('fields.form.keyHint', { max: KEY_MAX })}
              required
              autoComplete="off"
              spellCheck={false}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              {...form.getInputProps('key')}
              onChange={(event) => {
                form.setFieldValue('key', event.currentTarget.value);
                form.setFieldValue('keyTyped', true);
              }}
            />
          ) : (
            <Text fz="sm">
              {t('fields.form.keyFixed')} <code>{field.key}</code>
            </Text>
          )}
          {creating ? (
            <Select
              label={t('fields.form.type')}
              data={FIELD_TYPES.map((type) => ({ value: type, label: t(`fields.types.${type}`) }))}
              value={form.values.type}
              onChange={(type) => isFieldType(type) && form.setFieldValue('type', type)}
              allowDeselect={false}
              description={t(`fields.typeHints.${form.values.type}`)}
              comboboxProps={{ withinPortal: true }}
            />
          ) : (
            <Text fz="sm">
              {t('fields.form.typeFixed', { type: t(`fields.types.${field.type}`) })}
            </Text>
          )}
          <Checkbox
            label={t('fields.form.required')}
            description={t('fields.form.requiredHint')}
            {...form.getInputProps('required', { type: 'checkbox' })}
          />
          {selectable && <OptionsEditor form={form} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {creating ? t('fields.modal.create') : t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
