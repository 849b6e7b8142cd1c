import { ThemeIcon, Tooltip } from '@mantine/core';
import { IconBuilding, IconUser, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CustomerKind } from '../../../gql/graphql';

export const KIND_ICON: Record<CustomerKind, Icon> = { ORGANIZATION: IconBuilding, PERSON: IconUser };

/** An organization or a private person, as an icon that says which (to screen readers too). */
export function CustomerKindIcon({ kind, size = 22 }: { kind: CustomerKind; size?: number }) {
  const { t } = useTranslation();
  const Icon = KIND_ICON[kind];
  const label = t(`crm.customers.kind.${kind}`);
  return (
    <Tooltip label={label} openDelay={300}>
      <ThemeIcon variant="light" color={kind === 'PERSON' ? 'grape' : 'indigo'} size={size} radius="sm" role="img" aria-label={label} style={{ flexShrink: 0 }}>
        <Icon size={Math.round(size * 0.65)} aria-hidden />
      </ThemeIcon>
    </Tooltip>
  );
}
