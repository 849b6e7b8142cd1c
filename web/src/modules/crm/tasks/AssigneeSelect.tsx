import { Select } from '@mantine/core';
import { IconUserCircle } from '@tabler/icons-react';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../lib/use-api';
import { useViewer } from '../../../lib/viewer';
import { TASK_ASSIGNEES } from './task.documents';

interface AssigneeSelectProps {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  /** The option's value for "Nobody". */
  nobodyValue: string;
  /** A filter: no choice means anyone (the box can be cleared). */
  anyone?: boolean;
  /** Words of the clear button of a filter (default: everyone's tasks). */
  clearLabel?: string;
  description?: ReactNode;
  error?: ReactNode;
  style?: CSSProperties;
}

/** Picks a member of the company (the viewer marked as "you"), or nobody: a task's assignee, a customer's owner. */
export function AssigneeSelect({ label, value, onChange, nobodyValue, anyone = false, clearLabel, description, error, style }: AssigneeSelectProps) {
  const { t, i18n } = useTranslation();
  const viewer = useViewer();
  const members = useApiQuery(TASK_ASSIGNEES, {}, { staleTime: 60_000 });
  const people = (members.data?.members ?? [])
    .map(({ user }) => ({ value: user.id, label: user.id === viewer?.user?.id ? t('crm.tasks.assignee.me', { name: user.name ?? user.email }) : (user.name ?? user.email) }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  const data = [{ value: nobodyValue, label: t('crm.tasks.assignee.nobody') }, ...people];
  return (
    <Select
      label={label}
      description={description}
      data={data}
      value={value}
      onChange={onChange}
      allowDeselect={anyone}
      clearable={anyone}
      clearButtonProps={anyone ? { 'aria-label': clearLabel ?? t('crm.tasks.assignee.clear'), 'aria-hidden': false, tabIndex: 0 } : undefined}
      placeholder={anyone ? t('crm.tasks.assignee.anyone') : undefined}
      searchable={data.length > 8}
      nothingFoundMessage={members.isFetching ? t('common.loading') : t('crm.tasks.assignee.noMatch')}
      leftSection={<IconUserCircle size={16} aria-hidden />}
      error={error}
      style={style}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
