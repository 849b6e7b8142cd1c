import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { IconChevronLeft } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface PageHeaderProps {
  title: ReactNode;
  /** A line under the title (a count, a job title). */
  subtitle?: ReactNode;
  /** An avatar left of the title. */
  leading?: ReactNode;
  /** Buttons on the right. */
  actions?: ReactNode;
  /** A link back up, e.g. to the list. */
  back?: { to: string; label: string };
}

/** The top of every CRM page: one level-1 heading, what it is about, and its actions. */
export function PageHeader({ title, subtitle, leading, actions, back }: PageHeaderProps) {
  return (
    <Stack gap="xs" mb="lg">
      {back && (
        <Anchor component={Link} to={back.to} fz="sm" c="dimmed" w="fit-content">
          <Group gap={4} wrap="nowrap">
            <IconChevronLeft size={16} aria-hidden />
            {back.label}
          </Group>
        </Anchor>
      )}
      <Group justify="space-between" align="center" gap="md">
        <Group gap="md" wrap="nowrap" miw={0} style={{ flex: '1 1 16rem' }}>
          {leading}
          <Stack gap={2} miw={0}>
            <Title order={1} fz={{ base: 'h3', sm: 'h2' }} lh={1.2} style={{ overflowWrap: 'anywhere' }}>
              {title}
            </Title>
            {subtitle && (
              <Text c="dimmed" fz="sm" component="div">
                {subtitle}
              </Text>
            )}
          </Stack>
        </Group>
        {actions && (
          <Group gap="sm" wrap="nowrap">
            {actions}
          </Group>
        )}
      </Group>
    </Stack>
  );
}
