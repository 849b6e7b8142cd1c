import { Card, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePhone } from '../../../lib/use-phone';

/** A titled block of a settings page (an h2 inside the page's h1); on phones a plain section, its lists being cards already. */
export function SettingsCard({ title, description, children, labelledBy }: { title: string; description?: string; children: ReactNode; labelledBy: string }) {
  const phone = usePhone();
  return (
    <Card withBorder={!phone} padding={phone ? 0 : 'lg'} bg={phone ? 'transparent' : undefined} component="section" aria-labelledby={labelledBy}>
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
