/**
 * Custom fields for any record's screens (customers and people use them; deals can the same way).
 *
 * A form:
 * 1. `const custom = useCustomFields('DEAL')` — `{ on, fields, ready }`: the definitions while the
 *    feature CRM.customFields is on (mount the form once `ready`).
 * 2. Ask the record's values only while on: `customFields @include(if: $withCustomFields) { key type
 *    text number date boolean options }` with `$withCustomFields: Boolean = false`, passed `custom.on`.
 * 3. Form values get `customFields: customFormValues(custom.fields, record?.customFields)` (no
 *    record: a new one); `validate` spreads `validateCustomValues(t, fields, values.customFields,
 *    { creating, initial })` (errors keyed `customFields.<key>`).
 * 4. Render `<CustomFieldInputs fields={fields} values={form.values.customFields} errors={form.errors}
 *    onChange={(key, value) => form.setFieldValue(`customFields.${key}`, value)} />` inside a FormSection.
 * 5. Send `createCustomFieldInputs(fields, values.customFields)` on create, or only what changed with
 *    `changedCustomFieldInputs(fields, initial.customFields, values.customFields)` on update; show API
 *    errors with `showApiError(t, error, form, customFieldErrorPaths(sent))` so a refused value lands
 *    on its own input.
 *
 * A card: `<CustomFieldValues fields={custom.fields} values={record.customFields} />` inside its
 * DataList (one DetailField per field, a dash when empty). A list: `useCustomColumns(entity, list)`,
 * `<ColumnChooser>`, `<CustomColumnHeaders>` / `<CustomColumnCells>`, and `readCustomSort` for
 * `?sort=cf.<key>` (orderBy `{ field: CUSTOM_FIELD, customFieldKey }`).
 */
export { ColumnChooser } from './ColumnChooser';
export { CustomColumnCells, CustomColumnHeaders } from './CustomColumns';
export { CustomFieldInputs, type CustomFieldInputsProps } from './CustomFieldInputs';
export { CustomFieldValues } from './CustomFieldValues';
export { useCustomColumns, type CustomColumns } from './custom-columns';
export { customSortKey, customSortOptions, readCustomSort } from './custom-sort';
export { useCustomValueText } from './custom-value-format';
export {
  changedCustomFieldInputs,
  createCustomFieldInputs,
  customFieldErrorPaths,
  customFormValues,
  validateCustomValues,
  type CustomFieldDef,
  type CustomFieldValueData,
  type CustomValue,
  type CustomValues,
} from './custom-values';
export { useCustomFields, type CustomFieldsState } from './use-custom-fields';
