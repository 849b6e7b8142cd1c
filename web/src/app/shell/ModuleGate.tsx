import { Alert, Anchor, Stack } from '@mantine/core';
import { IconPlugOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ModuleKey } from '../../gql/graphql';
import { useCan, useSwitchedOn } from '../../lib/viewer';

/** A module's screen, or why it is not available: the module or feature is off for the company. */
export function ModuleGate({ module, feature, children }: { module: ModuleKey; feature?: string; children: ReactNode }) {
  const { t } = useTranslation();
  const on = useSwitchedOn();
  const can = useCan();
  const off = !on(module) ? t(`modules.${module}.name`) : feature && !on(feature) ? t(`features.${feature}.name`) : null;
  if (!off) return children;
  return (
    <Alert icon={<IconPlugOff />} color="gray" title={t('shell.moduleOff.title', { name: off })} role="status">
      <Stack gap="xs">
        <span>{t('shell.moduleOff.body')}</span>
        {can('settings:manage') && (
          <Anchor component={Link} to="/settings/modules">
            {t('shell.moduleOff.manage')}
          </Anchor>
        )}
      </Stack>
    </Alert>
  );
}
