import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LifecycleStage } from '../../../gql/graphql';
import { STAGE_COLOR } from './customer-options';

/** How far the relationship has come: lead, prospect, customer or former customer. */
export function LifecycleBadge({ stage }: { stage: LifecycleStage }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STAGE_COLOR[stage]} radius="sm" tt="none" style={{ flexShrink: 0 }}>
      {t(`crm.customers.stage.${stage}`)}
    </Badge>
  );
}
