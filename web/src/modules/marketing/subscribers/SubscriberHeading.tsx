import { Stack, Text, Title } from '@mantine/core';

/** The page's one heading, with the company (and address) the link is about under it. */
export function SubscriberHeading({ title, subtitle }: { title: string; subtitle?: string }) {
  return (
    <Stack gap={4}>
      <Title order={1} fz={{ base: 'h3', sm: 'h2' }} lh={1.25} style={{ overflowWrap: 'anywhere' }}>
        {title}
      </Title>
      {subtitle && (
        <Text c="dimmed" fz="sm" style={{ overflowWrap: 'anywhere' }}>
          {subtitle}
        </Text>
      )}
    </Stack>
  );
}
