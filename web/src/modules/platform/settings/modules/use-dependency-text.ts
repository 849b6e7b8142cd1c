import { useTranslation } from 'react-i18next';
import { useListFormat } from '../use-list-format';
import type { Blockers } from './module-dependencies';

export type Switchable = 'module' | 'feature';

export interface DependencyText {
  /** The name of a module or feature option in the user's language. */
  name: (kind: Switchable, key: string) => string;
  /** Why the API refused the change, as a sentence; null when nothing blocks it. */
  refusal: (kind: Switchable, key: string, blockers: Blockers) => string | null;
  /** A short note shown before trying; null when the switch can be flipped. */
  hint: (kind: Switchable, blockers: Blockers) => string | null;
}

export function useDependencyText(): DependencyText {
  const { t } = useTranslation();
  const list = useListFormat();
  const name = (kind: Switchable, key: string) => (kind === 'module' ? t(`modules.${key}.name`, { defaultValue: key }) : t(`features.${key}.name`, { defaultValue: key }));
  const others = (kind: Switchable, blockers: Blockers) => list(blockers.keys.map((key) => name(kind, key)));
  return {
    name,
    refusal: (kind, key, blockers) => {
      if (blockers.keys.length === 0) return null;
      const values = { name: name(kind, key), others: others(kind, blockers), count: blockers.keys.length };
      return blockers.kind === 'needs' ? t('settings.modules.refusal.needs', values) : t('settings.modules.refusal.usedBy', values);
    },
    hint: (kind, blockers) => {
      if (blockers.keys.length === 0) return null;
      const values = { others: others(kind, blockers), count: blockers.keys.length };
      return blockers.kind === 'needs' ? t('settings.modules.hint.needs', values) : t('settings.modules.hint.usedBy', values);
    },
  };
}
