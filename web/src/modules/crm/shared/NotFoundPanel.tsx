import { Button } from '@mantine/core';
import { IconArrowLeft, IconSearchOff } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyPanel } from './EmptyPanel';

/** A person or customer that does not exist (any more): a friendly way back to the list. */
export function NotFoundPanel({ title, description, backTo, backLabel }: { title: string; description: string; backTo: string; backLabel: string }) {
  return (
    <EmptyPanel
      label={title}
      headingOrder={1}
      icon={<IconSearchOff />}
      title={title}
      description={description}
      action={
        <Button component={Link} to={backTo} variant="light" leftSection={<IconArrowLeft size={16} />}>
          {backLabel}
        </Button>
      }
    />
  );
}
