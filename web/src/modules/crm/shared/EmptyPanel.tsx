import { EmptyState, Paper } from '@mantine/core';
import type { ReactNode } from 'react';

interface EmptyPanelProps {
  icon: ReactNode;
  title: string;
  description: string;
  action?: ReactNode;
  /** Accessible name of the panel, for tests and screen readers. */
  label: string;
  /** 1 when the panel is the whole page (not found), else 2 under the page's heading. */
  headingOrder?: 1 | 2;
}

/** An empty list or a missing item: what it is, why it is empty, and the one thing to do next. */
export function EmptyPanel({ icon, title, description, action, label, headingOrder = 2 }: EmptyPanelProps) {
  return (
    <Paper withBorder radius="md" py={48} px="md" role="region" aria-label={label}>
      <EmptyState variant="light" size="md" icon={icon}>
        <EmptyState.Title order={headingOrder}>{title}</EmptyState.Title>
        <EmptyState.Description maw={460}>{description}</EmptyState.Description>
        {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
      </EmptyState>
    </Paper>
  );
}
