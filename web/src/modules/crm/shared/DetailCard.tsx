import { Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled section of a detail page, with an optional action beside its heading. */
export function DetailCard({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-label={title}>
      <Group justify="space-between" align="center" mb="md" gap="sm">
        <Title order={2} fz="h4">
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Paper>
  );
}
