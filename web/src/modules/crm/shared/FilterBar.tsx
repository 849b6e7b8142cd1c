import { Group, Paper } from '@mantine/core';
import type { ReactNode } from 'react';

/** The search, filters and sort above a list, wrapping onto more lines on narrow screens. */
export function FilterBar({ children, label }: { children: ReactNode; label: string }) {
  return (
    <Paper withBorder radius="md" p="sm" mb="md" role="search" aria-label={label}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        {children}
      </Group>
    </Paper>
  );
}
