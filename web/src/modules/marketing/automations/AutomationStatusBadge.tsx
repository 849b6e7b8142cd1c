import { Badge, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AutomationRunStatus, AutomationStatus } from '../../../gql/graphql';

const COLORS: Record<AutomationStatus, string> = { DRAFT: 'gray', ACTIVE: 'green', PAUSED: 'yellow' };
const RUN_COLORS: Record<AutomationRunStatus, string> = { ACTIVE: 'blue', DONE: 'green', STOPPED: 'orange', EXCLUDED: 'gray' };

/** Where an automation is: a draft, on (reacting to its trigger) or paused. */
export function AutomationStatusBadge({ status, size = 'sm' }: { status: AutomationStatus; size?: MantineSize }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant={status === 'ACTIVE' ? 'filled' : 'light'} size={size} radius="sm" tt="none" miw="max-content">
      {t(`automations.status.${status}`)}
    </Badge>
  );
}

/** Where one person's run is: in progress, done, stopped by a condition, or left out at the switch-on. */
export function RunStatusBadge({ status }: { status: AutomationRunStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={RUN_COLORS[status]} variant="light" size="sm" radius="sm" tt="none" miw="max-content">
      {t(`automations.runStatus.${status}`)}
    </Badge>
  );
}
