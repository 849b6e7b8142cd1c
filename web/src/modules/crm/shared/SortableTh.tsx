import { Group, Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { OrderDirection } from '../../../gql/graphql';

interface SortableThProps {
  children: ReactNode;
  /** This column's sort is the list's. */
  active: boolean;
  direction: OrderDirection;
  onSort: () => void;
  width?: string | number;
}

/** A column header that sorts the list by its column; screen readers hear the order through aria-sort. */
export function SortableTh({ children, active, direction, onSort, width }: SortableThProps) {
  const Icon = !active ? IconSelector : direction === 'ASC' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th w={width} aria-sort={active ? (direction === 'ASC' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={onSort} fz="inherit" fw="inherit" c="inherit">
        <Group gap={4} wrap="nowrap">
          {children}
          <Icon size={14} aria-hidden style={{ opacity: active ? 1 : 0.45 }} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
