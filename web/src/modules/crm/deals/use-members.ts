import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../lib/use-api';
import { useViewer } from '../../../lib/viewer';
import { TASK_ASSIGNEES } from '../tasks/task.documents';

export interface MemberOption {
  value: string;
  label: string;
}

/** The company's members as options, the viewer marked as "you", by name. */
export function useMemberOptions(): { options: MemberOption[]; loading: boolean } {
  const { t, i18n } = useTranslation();
  const viewer = useViewer();
  const members = useApiQuery(TASK_ASSIGNEES, {}, { staleTime: 60_000 });
  const options = (members.data?.members ?? [])
    .map(({ user }) => ({ value: user.id, label: user.id === viewer?.user?.id ? t('deals.owner.me', { name: user.name ?? user.email }) : (user.name ?? user.email) }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  return { options, loading: members.isFetching };
}
