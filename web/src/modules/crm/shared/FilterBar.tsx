import { Badge, Button, Collapse, Group, Paper, SimpleGrid } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAdjustmentsHorizontal } from '@tabler/icons-react';
import { useId, type ReactNode } from 'react';
import { usePhone } from '../../../lib/use-phone';

interface FilterBarProps {
  /** Accessible name of the search region. */
  label: string;
  /** The search box, always shown. */
  search: ReactNode;
  /** Filters and sort: in line on wide screens, behind a "Filters" button on phones. */
  children: ReactNode;
  /** How many filters narrow the list now (shown on the phone's button). */
  activeCount: number;
  /** Text of the phone's button that shows the filters. */
  toggleLabel: string;
}

/** The search, filters and sort above a list. */
export function FilterBar({ label, search, children, activeCount, toggleLabel }: FilterBarProps) {
  const phone = usePhone();
  const [opened, { toggle }] = useDisclosure(false);
  const panelId = useId();
  if (!phone) {
    return (
      <Paper withBorder radius="md" p="sm" mb="md" role="search" aria-label={label}>
        <Group gap="sm" align="flex-end" wrap="wrap">
          {search}
          {children}
        </Group>
      </Paper>
    );
  }
  return (
    <Paper withBorder radius="md" p="sm" mb="md" role="search" aria-label={label}>
      <Group gap="sm" align="flex-end" wrap="nowrap">
        {search}
        <Button
          variant={opened ? 'light' : 'default'}
          onClick={toggle}
          aria-expanded={opened}
          aria-controls={panelId}
          leftSection={<IconAdjustmentsHorizontal size={16} />}
          rightSection={activeCount > 0 ? <Badge size="sm" circle>{activeCount}</Badge> : null}
          px="sm"
          style={{ flexShrink: 0 }}
        >
          {toggleLabel}
        </Button>
      </Group>
      <Collapse expanded={opened} id={panelId}>
        <SimpleGrid cols={1} spacing="sm" pt="sm">
          {children}
        </SimpleGrid>
      </Collapse>
    </Paper>
  );
}
