import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A group of a form's fields under a small heading; two columns from tablets up, one on phones. */
export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <Text component="h2" fz="sm" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.04em' }} m={0}>
        {title}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        {children}
      </SimpleGrid>
    </Stack>
  );
}
