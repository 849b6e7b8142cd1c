import { Card, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled block of a settings page (an h2 inside the page's h1). */
export function SettingsCard({ title, description, children, labelledBy }: { title: string; description?: string; children: ReactNode; labelledBy: string }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={labelledBy}>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} fz="h4" id={labelledBy}>
            {title}
          </Title>
          {description && (
            <Text c="dimmed" fz="sm">
              {description}
            </Text>
          )}
        </Stack>
        {children}
      </Stack>
    </Card>
  );
}
