import { Group } from '@mantine/core';
import type { SegmentEntity } from '../../../gql/graphql';
import { usePhone } from '../../../lib/use-phone';
import { useSwitchedOn } from '../../../lib/viewer';
import { ColumnChooser } from '../fields/ColumnChooser';
import type { CustomColumns } from '../fields/custom-columns';
import type { ListUrl } from '../shared/use-list-url';
import type { FilterObject } from './segment-filter';
import { SEGMENTS_FEATURE } from './segment-input';
import { ViewsMenu } from './ViewsMenu';

interface ListViewsBarProps {
  entity: SegmentEntity;
  list: ListUrl;
  /** The list's filter as the address describes it. */
  filter: FilterObject | null;
  filterKeys: string[];
  columns: CustomColumns;
}

/** Above a list: its saved views (segments) and, on wide screens, the custom-field columns it shows. */
export function ListViewsBar({ entity, list, filter, filterKeys, columns }: ListViewsBarProps) {
  const on = useSwitchedOn();
  const phone = usePhone();
  const views = on(SEGMENTS_FEATURE);
  const chooser = !phone && columns.available.length > 0;
  if (!views && !chooser) return null;
  return (
    <Group justify="space-between" gap="sm" mb="sm" wrap="wrap">
      {views ? <ViewsMenu entity={entity} list={list} filter={filter} filterKeys={filterKeys} /> : <span />}
      {chooser && <ColumnChooser columns={columns} />}
    </Group>
  );
}
