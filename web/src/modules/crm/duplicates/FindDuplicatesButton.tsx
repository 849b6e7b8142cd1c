import { Button } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../../lib/viewer';

/** "Find duplicates" on the people and customer lists (for those who may merge). */
export function FindDuplicatesButton({ to }: { to: '/contacts/duplicates' | '/customers/duplicates' }) {
  const { t } = useTranslation();
  const can = useCan();
  if (!can('CRM:write')) return null;
  return (
    <Button component={Link} to={to} variant="default" leftSection={<IconCopy size={16} aria-hidden />}>
      {t('duplicates.find')}
    </Button>
  );
}
