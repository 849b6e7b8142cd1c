import { Badge, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MarketingEventKind } from '../../../gql/graphql';

const COLORS: Record<MarketingEventKind, string> = { EXHIBITION: 'grape', CONFERENCE: 'indigo', SEMINAR: 'teal', WEBINAR: 'cyan', OTHER: 'gray' };

/** What kind of event it is: exhibition, conference, seminar, webinar or other. */
export function EventKindBadge({ kind, size = 'sm' }: { kind: MarketingEventKind; size?: MantineSize }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[kind]} variant="light" size={size} radius="sm" tt="none">
      {t(`events.kind.${kind}`)}
    </Badge>
  );
}
