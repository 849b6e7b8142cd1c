import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Stat {
  label: string;
  value: ReactNode;
}

/** A few headline figures above a report. */
export function StatGrid({ stats, label }: { stats: Stat[]; label: string }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: stats.length > 4 ? 3 : stats.length, lg: stats.length }} spacing="sm" role="list" aria-label={label}>
      {stats.map((stat) => (
        <Paper key={stat.label} withBorder radius="md" p="md" role="listitem">
          <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
            {stat.label}
          </Text>
          <Text fz="lg" fw={700} mt={4} style={{ overflowWrap: 'anywhere' }}>
            {stat.value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
