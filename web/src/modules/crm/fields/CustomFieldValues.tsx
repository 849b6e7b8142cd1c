import { Badge, Group } from '@mantine/core';
import { DetailField } from '../shared/DetailField';
import { useCustomValueText } from './custom-value-format';
import type { CustomFieldDef, CustomFieldValueData } from './custom-values';

interface CustomFieldValuesProps {
  /** Every field of the record's type, in order: an empty one shows a dash, as other details do. */
  fields: CustomFieldDef[];
  /** The record's `customFields`. */
  values: CustomFieldValueData[] | null | undefined;
}

/** A record's custom fields as label and value lines, for the DataList of a detail card. */
export function CustomFieldValues({ fields, values }: CustomFieldValuesProps) {
  const text = useCustomValueText();
  return (
    <>
      {fields.map((field) => {
        const value = values?.find((entry) => entry.key === field.key);
        if ((field.type === 'SELECT' || field.type === 'MULTI_SELECT') && value && value.options.length > 0) {
          return (
            <DetailField key={field.key} label={field.label}>
              <Group gap={4} wrap="wrap">
                {value.options.map((key) => (
                  <Badge key={key} variant="light" radius="sm" tt="none">
                    {field.options.find((option) => option.key === key)?.label ?? key}
                  </Badge>
                ))}
              </Group>
            </DetailField>
          );
        }
        return (
          <DetailField key={field.key} label={field.label}>
            {text(field, value)}
          </DetailField>
        );
      })}
    </>
  );
}
