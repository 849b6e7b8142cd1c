import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrderDirection } from '../../../gql/graphql';
import { SortableTh } from '../shared/SortableTh';
import type { Sort } from '../shared/sort';
import { useCustomValueText } from './custom-value-format';
import { customSortKey, isSortable } from './custom-sort';
import type { CustomFieldDef, CustomFieldValueData } from './custom-values';

interface CustomColumnHeadersProps {
  columns: CustomFieldDef[];
  sort: Sort<string>;
  onSort: (key: string, direction: OrderDirection | null) => void;
}

/** The headers of a list's custom-field columns; clicking one sorts the list by that field. */
export function CustomColumnHeaders({ columns, sort, onSort }: CustomColumnHeadersProps) {
  return (
    <>
      {columns.map((field) => {
        const key = customSortKey(field.key);
        if (!isSortable(field)) return <Table.Th key={field.key}>{field.label}</Table.Th>;
        return (
          <SortableTh key={field.key} active={sort.key === key} direction={sort.direction} onSort={() => onSort(key, sort.key === key ? (sort.direction === 'ASC' ? 'DESC' : 'ASC') : null)}>
            {field.label}
          </SortableTh>
        );
      })}
    </>
  );
}

/** One row's cells of the custom-field columns. */
export function CustomColumnCells({ columns, values }: { columns: CustomFieldDef[]; values: CustomFieldValueData[] | null | undefined }) {
  const { t } = useTranslation();
  const text = useCustomValueText();
  return (
    <>
      {columns.map((field) => {
        const shown = text(
          field,
          values?.find((value) => value.key === field.key),
        );
        return (
          <Table.Td key={field.key}>
            <Text fz="sm" c={shown === null ? 'dimmed' : undefined} style={{ whiteSpace: field.type === 'TEXT' || field.type === 'MULTI_SELECT' ? undefined : 'nowrap' }}>
              {shown ?? t('common.none')}
            </Text>
          </Table.Td>
        );
      })}
    </>
  );
}
