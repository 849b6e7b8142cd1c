import { Anchor } from '@mantine/core';
import { Link, useLocation } from 'react-router';

/** A task's title, opening its dialog over the current list (`?task=<id>`, the rest of the address kept). */
export function TaskTitleLink({ id, title, done }: { id: string; title: string; done: boolean }) {
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  params.set('task', id);
  return (
    <Anchor
      component={Link}
      to={{ pathname: location.pathname, search: `?${params.toString()}` }}
      state={location.state}
      fw={600}
      fz="sm"
      c={done ? 'dimmed' : 'var(--mantine-color-text)'}
      td={done ? 'line-through' : undefined}
      style={{ overflowWrap: 'anywhere' }}
    >
      {title}
    </Anchor>
  );
}
