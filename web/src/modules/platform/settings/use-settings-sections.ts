import { useCan } from '../../../lib/viewer';
import { SETTINGS_SECTIONS, type SettingsSection } from './settings-sections';

/** The settings sections this viewer may open, in menu order. */
export function useSettingsSections(): SettingsSection[] {
  const can = useCan();
  return SETTINGS_SECTIONS.filter((section) => section.permission === null || can(section.permission));
}
