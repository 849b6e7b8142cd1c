import { Stack, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { featureBlockers, type FeatureOption, type ModuleState } from './module-dependencies';
import { RefusalAlert } from './RefusalAlert';
import { SwitchDescription } from './SwitchDescription';
import { useDependencyText } from './use-dependency-text';
import { useModuleSwitch } from './use-module-switch';

interface FeatureOptionSwitchProps {
  option: FeatureOption;
  module: ModuleState;
  modules: ModuleState[];
  reload: () => Promise<ModuleState[] | null>;
}

/** One feature option of a module; it can change only while its module is on. */
export function FeatureOptionSwitch({ option, module, modules, reload }: FeatureOptionSwitchProps) {
  const { t } = useTranslation();
  const text = useDependencyText();
  const control = useModuleSwitch({ kind: 'feature', key: option.key }, option.enabled, reload);
  const name = text.name('feature', option.key);
  const hint = module.enabled
    ? text.hint('feature', featureBlockers(modules, option.key, !option.enabled))
    : t('settings.modules.hint.moduleOff', { name: text.name('module', module.key) });
  return (
    <Stack gap="xs">
      <Switch
        label={name}
        aria-label={name}
        description={<SwitchDescription text={t(`features.${option.key}.description`, { defaultValue: option.description })} hint={hint} />}
        checked={control.checked}
        disabled={!module.enabled || control.pending}
        onChange={(event) => control.flip(event.currentTarget.checked)}
      />
      {control.refusal && <RefusalAlert message={control.refusal} onClose={control.dismiss} />}
    </Stack>
  );
}
