import { ActionIcon, Button, Tooltip } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePhone } from '../../../lib/use-phone';
import { useCan } from '../../../lib/viewer';

/** "Find duplicates" on the people and customer lists (for those who may merge); an icon on phones, where the header is narrow. */
export function FindDuplicatesButton({ to }: { to: '/contacts/duplicates' | '/customers/duplicates' }) {
  const { t } = useTranslation();
  const can = useCan();
  const phone = usePhone();
  if (!can('CRM:write')) return null;
  const label = t('duplicates.find');
  if (phone) {
    return (
      <Tooltip label={label}>
        <ActionIcon component={Link} to={to} variant="default" size={36} aria-label={label}>
          <IconCopy size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
    );
  }
  return (
    <Button component={Link} to={to} variant="default" leftSection={<IconCopy size={16} aria-hidden />}>
      {label}
    </Button>
  );
}
