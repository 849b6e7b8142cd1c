import { Navigate } from 'react-router';
import { useCan } from '../../../lib/viewer';
import { SETTINGS_SECTIONS } from './settings-sections';

/** `/settings` opens the first section the viewer manages; people who manage nothing land on their profile. */
export function SettingsIndex() {
  const can = useCan();
  const first = SETTINGS_SECTIONS.find((section) => section.landing === null || can(section.landing));
  return <Navigate to={first?.path ?? '/settings/profile'} replace />;
}
