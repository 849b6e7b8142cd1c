import { ActionIcon, Button, Group, MultiSelect, Paper, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomFieldFilter } from '../../../gql/graphql';
import type { CustomFieldDef } from '../fields/custom-values';
import { conditionWith, OPERATORS, operatorOf, type ConditionOperator } from './segment-conditions';

interface CustomFieldConditionsProps {
  /** Accessible name of the group, e.g. "Conditions on people's fields". */
  label: string;
  fields: CustomFieldDef[];
  conditions: CustomFieldFilter[];
  onChange: (conditions: CustomFieldFilter[]) => void;
}

function isOperator(value: string | null, allowed: ConditionOperator[]): value is ConditionOperator {
  return allowed.some((operator) => operator === value);
}

/** Whether a typed number is one (either separator): else the count would be refused. */
function numberError(value: string | null | undefined): boolean {
  if (!value || value.trim() === '') return false;
  return !/^-?(\d+([.,]\d*)?|[.,]\d+)$/.test(value.replace(/[\s\u00a0']/g, ''));
}

/** Conditions on custom fields, each by its type: text contains, numbers and dates between, yes/no, any of the options, has a value or none. */
export function CustomFieldConditions({ label, fields, conditions, onChange }: CustomFieldConditionsProps) {
  const { t } = useTranslation();
  const labelId = useId();
  const replace = (index: number, condition: CustomFieldFilter) => onChange(conditions.map((entry, i) => (i === index ? condition : entry)));
  const first = fields[0];
  return (
    <Stack gap="xs" role="group" aria-labelledby={labelId}>
      <Text id={labelId} fz="sm" fw={500}>
        {label}
      </Text>
      {conditions.map((condition, index) => {
        const field = fields.find((entry) => entry.key === condition.key);
        const number = index + 1;
        if (!field) {
          return (
            <Group key={index} gap="xs" wrap="nowrap">
              <Text fz="sm" c="dimmed" style={{ flex: 1 }}>
                {t('segments.conditions.unknownField', { key: condition.key })}
              </Text>
              <ActionIcon variant="subtle" color="red" aria-label={t('segments.conditions.remove', { number })} onClick={() => onChange(conditions.filter((_, i) => i !== index))}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          );
        }
        const allowed = OPERATORS[field.type];
        const operator = operatorOf(condition, field.type);
        const numeric = field.type === 'NUMBER' || field.type === 'DECIMAL';
        const inputType = field.type === 'DATE' ? 'date' : undefined;
        return (
          <Paper key={index} withBorder radius="sm" p="xs" role="group" aria-label={t('segments.conditions.number', { number })}>
            <Group gap="xs" align="flex-end" wrap="wrap">
              <Select
                label={t('segments.conditions.field')}
                data={fields.map((entry) => ({ value: entry.key, label: entry.label }))}
                value={field.key}
                onChange={(key) => {
                  const next = fields.find((entry) => entry.key === key);
                  if (next) replace(index, conditionWith(next.key, OPERATORS[next.type][0] ?? 'set'));
                }}
                allowDeselect={false}
                searchable={fields.length > 8}
                comboboxProps={{ withinPortal: true }}
                style={{ flex: '1 1 10rem' }}
              />
              <Select
                label={t('segments.conditions.operator')}
                data={allowed.map((value) => ({ value, label: t(`segments.operators.${value}`) }))}
                value={operator}
                onChange={(value) => isOperator(value, allowed) && replace(index, conditionWith(field.key, value))}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
                style={{ flex: '1 1 9rem' }}
              />
              {(operator === 'contains' || operator === 'equals') && (
                <TextInput
                  label={t('segments.conditions.value')}
                  type={inputType}
                  inputMode={numeric ? 'decimal' : undefined}
                  value={(operator === 'contains' ? condition.contains : condition.equals) ?? ''}
                  onChange={(event) => replace(index, operator === 'contains' ? { key: field.key, contains: event.currentTarget.value } : { key: field.key, equals: event.currentTarget.value })}
                  error={numeric && numberError(condition.equals) ? t('fields.errors.decimal') : undefined}
                  style={{ flex: '2 1 10rem' }}
                />
              )}
              {operator === 'between' && (
                <>
                  <TextInput
                    label={t('segments.conditions.min')}
                    type={inputType}
                    inputMode={numeric ? 'decimal' : undefined}
                    value={condition.min ?? ''}
                    onChange={(event) => replace(index, { ...condition, min: event.currentTarget.value })}
                    error={numeric && numberError(condition.min) ? t('fields.errors.decimal') : undefined}
                    style={{ flex: '1 1 8rem' }}
                  />
                  <TextInput
                    label={t('segments.conditions.max')}
                    type={inputType}
                    inputMode={numeric ? 'decimal' : undefined}
                    value={condition.max ?? ''}
                    onChange={(event) => replace(index, { ...condition, max: event.currentTarget.value })}
                    error={numeric && numberError(condition.max) ? t('fields.errors.decimal') : undefined}
                    style={{ flex: '1 1 8rem' }}
                  />
                </>
              )}
              {operator === 'in' && (
                <MultiSelect
                  label={t('segments.conditions.options')}
                  placeholder={(condition.in ?? []).length === 0 ? t('segments.conditions.chooseOptions') : undefined}
                  data={field.options.map((option) => ({ value: option.key, label: option.label }))}
                  value={condition.in ?? []}
                  onChange={(keys) => replace(index, { key: field.key, in: keys })}
                  comboboxProps={{ withinPortal: true }}
                  style={{ flex: '2 1 12rem' }}
                />
              )}
              <Tooltip label={t('segments.conditions.remove', { number })}>
                <ActionIcon variant="subtle" color="red" size={36} aria-label={t('segments.conditions.remove', { number })} onClick={() => onChange(conditions.filter((_, i) => i !== index))}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
            </Group>
          </Paper>
        );
      })}
      {first ? (
        <Button
          variant="subtle"
          size="compact-sm"
          w="fit-content"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => onChange([...conditions, conditionWith(first.key, OPERATORS[first.type][0] ?? 'set')])}
        >
          {t('segments.conditions.add')}
        </Button>
      ) : (
        <Text fz="sm" c="dimmed">
          {t('segments.conditions.noFields')}
        </Text>
      )}
    </Stack>
  );
}
