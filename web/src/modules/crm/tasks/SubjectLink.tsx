import { Anchor, Group, Text } from '@mantine/core';
import { IconHeartHandshake, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TaskSubjectType } from '../../../gql/graphql';

interface SubjectLinkProps {
  type: TaskSubjectType | null | undefined;
  id: string | null | undefined;
  name: string | null | undefined;
}

/** Who a task is about (a person or a customer), linked to their page; a dash when nobody. */
export function SubjectLink({ type, id, name }: SubjectLinkProps) {
  const { t } = useTranslation();
  if (!type || !id) {
    return (
      <Text fz="sm" c="dimmed" span>
        {t('common.none')}
      </Text>
    );
  }
  const customer = type === 'CUSTOMER';
  const label = name ?? (customer ? t('crm.tasks.subject.customer') : t('crm.tasks.subject.person'));
  const Icon = customer ? IconHeartHandshake : IconUser;
  return (
    <Group gap={6} wrap="nowrap" miw={0}>
      <Icon size={14} aria-hidden style={{ flexShrink: 0 }} />
      <Anchor component={Link} to={customer ? `/customers/${id}` : `/contacts/${id}`} fz="sm" truncate="end">
        {label}
      </Anchor>
    </Group>
  );
}
