import { Checkbox, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModuleKey } from '../../../gql/graphql';
import { missingNeeds, MODULE_CHOICES, withDependencies } from './module-choices';

interface ModuleChoiceGroupProps {
  value: ModuleKey[];
  onChange: (modules: ModuleKey[]) => void;
  error?: ReactNode;
}

/** The modules a new company starts with; one that needs another can be ticked only with it. */
export function ModuleChoiceGroup({ value, onChange, error }: ModuleChoiceGroupProps) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group label={t('auth.signUp.modules')} description={t('auth.signUp.modulesHint')} error={error} value={value} onChange={(keys) => onChange(withDependencies(keys))}>
      <Stack gap="xs" mt="xs">
        {MODULE_CHOICES.map((choice) => {
          const missing = missingNeeds(choice.key, value);
          return (
            <Checkbox
              key={choice.key}
              value={choice.key}
              disabled={missing.length > 0}
              label={t(`modules.${choice.key}.name`)}
              description={missing.length > 0 ? t('auth.signUp.needs', { modules: missing.map((key) => t(`modules.${key}.name`)).join(', ') }) : t(`modules.${choice.key}.description`)}
            />
          );
        })}
      </Stack>
    </Checkbox.Group>
  );
}
