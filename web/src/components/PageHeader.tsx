import { Anchor, Group, Stack, Text, Title, type MantineSpacing } from '@mantine/core';
import { IconChevronLeft } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface PageHeaderProps {
  title: ReactNode;
  /** A line under the title (a count, a job title, what the page is for). */
  subtitle?: ReactNode;
  /** An avatar left of the title. */
  leading?: ReactNode;
  /** Buttons on the right. */
  actions?: ReactNode;
  /** A link back up, e.g. to the list. */
  back?: { to: string; label: string };
  /** `large` for a page of its own kind (settings), `medium` for records and lists. */
  size?: 'medium' | 'large';
  /** Space under the header; 0 when the page's stack already spaces it. */
  mb?: MantineSpacing | 0;
}

/** The top of a page: its one level-1 heading, what it is about, and its actions. */
export function PageHeader({ title, subtitle, leading, actions, back, size = 'medium', mb = 'lg' }: PageHeaderProps) {
  const large = size === 'large';
  return (
    <Stack gap="xs" mb={mb}>
      {back && (
        <Anchor component={Link} to={back.to} fz="sm" c="dimmed" w="fit-content">
          <Group gap={4} wrap="nowrap">
            <IconChevronLeft size={16} aria-hidden />
            {back.label}
          </Group>
        </Anchor>
      )}
      <Group justify="space-between" align={large ? 'flex-start' : 'center'} gap="md">
        <Group gap="md" wrap="nowrap" miw={0} style={{ flex: '1 1 16rem' }}>
          {leading}
          <Stack gap={large ? 4 : 2} miw={0}>
            <Title order={1} fz={large ? { base: 'h2', sm: 'h1' } : { base: 'h3', sm: 'h2' }} lh={1.2} style={{ overflowWrap: 'anywhere' }}>
              {title}
            </Title>
            {subtitle && (
              <Text c="dimmed" fz={large ? 'md' : 'sm'} component="div">
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
