import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Whether form subscribers confirm by email first. */
export function DoubleOptInBadge({ doubleOptIn, size = 'sm' }: { doubleOptIn: boolean; size?: BadgeProps['size'] }) {
  const { t } = useTranslation();
  return (
    <Badge size={size} variant="light" color={doubleOptIn ? 'teal' : 'gray'} radius="sm" tt="none">
      {doubleOptIn ? t('subscriptions.lists.doubleOptIn') : t('subscriptions.lists.singleOptIn')}
    </Badge>
  );
}
