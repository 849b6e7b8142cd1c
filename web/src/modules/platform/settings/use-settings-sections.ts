import { WEB_MODULES } from '../../../app/web-modules';
import { useCan, useSwitchedOn } from '../../../lib/viewer';
import { SETTINGS_SECTIONS, type SettingsSection } from './settings-sections';

/** The settings sections this viewer may open, in menu order: the platform's, then the switched-on modules' (profile last). */
export function useSettingsSections(): SettingsSection[] {
  const can = useCan();
  const on = useSwitchedOn();
  const fromModules: SettingsSection[] = WEB_MODULES.filter((module) => on(module.key)).flatMap((module) =>
    (module.settings ?? []).filter((entry) => !entry.feature || on(entry.feature)).map((entry) => ({ key: entry.path, label: entry.label, path: entry.path, icon: entry.icon, permission: entry.permission, landing: entry.permission })),
  );
  const platform = SETTINGS_SECTIONS.filter((section) => section.key !== 'profile');
  const profile = SETTINGS_SECTIONS.filter((section) => section.key === 'profile');
  return [...platform, ...fromModules, ...profile].filter((section) => section.permission === null || can(section.permission));
}
