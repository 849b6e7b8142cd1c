import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Tags as small badges; past `max`, a "+3" badge stands for the rest. */
export function TagList({ tags, max }: { tags: string[]; max?: number }) {
  const { t } = useTranslation();
  if (tags.length === 0) return null;
  const shown = max === undefined ? tags : tags.slice(0, max);
  const rest = tags.length - shown.length;
  return (
    <Group gap={4} wrap="wrap" role="list" aria-label={t('crm.tags.label')}>
      {shown.map((tag) => (
        <Badge key={tag} role="listitem" variant="light" color="gray" radius="sm" tt="none" fw={500}>
          {tag}
        </Badge>
      ))}
      {rest > 0 && (
        <Badge role="listitem" variant="outline" color="gray" radius="sm" tt="none" aria-label={t('crm.tags.more', { count: rest })}>
          {t('crm.tags.moreShort', { count: rest })}
        </Badge>
      )}
    </Group>
  );
}
