import { Anchor, Group, Text } from '@mantine/core';
import { IconBuilding, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TaskSubjectType } from '../../../gql/graphql';
import { useSwitchedOn } from '../../../lib/viewer';

interface SubjectLinkProps {
  type: TaskSubjectType | null | undefined;
  id: string | null | undefined;
  name: string | null | undefined;
}

/** Who a task is about, linked to their page; a dash when nobody. */
export function SubjectLink({ type, id, name }: SubjectLinkProps) {
  const { t } = useTranslation();
  const on = useSwitchedOn();
  if (!type || !id) {
    return (
      <Text fz="sm" c="dimmed" span>
        {t('common.none')}
      </Text>
    );
  }
  const label = name ?? (type === 'COMPANY' ? t('crm.tasks.subject.company') : t('crm.tasks.subject.person'));
  const Icon = type === 'COMPANY' ? IconBuilding : IconUser;
  // A company's page is gone while companies are switched off: its name alone.
  const to = type === 'CONTACT' ? `/contacts/${id}` : on('CRM.companies') ? `/companies/${id}` : null;
  return (
    <Group gap={6} wrap="nowrap" miw={0}>
      <Icon size={14} aria-hidden style={{ flexShrink: 0 }} />
      {to ? (
        <Anchor component={Link} to={to} fz="sm" truncate="end">
          {label}
        </Anchor>
      ) : (
        <Text fz="sm" truncate="end">
          {label}
        </Text>
      )}
    </Group>
  );
}
