import { useTranslation } from 'react-i18next';
import type { CallOutcome, InteractionDirection, InteractionKind } from '../../../gql/graphql';

interface Worded {
  kind: InteractionKind;
  direction?: InteractionDirection | null;
  durationSeconds?: number | null;
  outcome?: CallOutcome | null;
}

export interface InteractionWords {
  /** "Call out", "Email in", "Meeting". */
  kindLabel: (kind: InteractionKind, direction?: InteractionDirection | null) => string;
  /** "45 s", "2 min", "1 h 30 min"; null for none. */
  duration: (seconds: number | null | undefined) => string | null;
  /** "Call out · 2 min · Reached". */
  headline: (interaction: Worded) => string;
}

/** An interaction in a few words, in the user's language. */
export function useInteractionWords(): InteractionWords {
  const { t } = useTranslation();

  const kindLabel = (kind: InteractionKind, direction?: InteractionDirection | null) =>
    direction ? t(`crm.interactions.headline.${kind}_${direction}`) : t(`crm.interactions.headline.${kind}`);

  const duration = (seconds: number | null | undefined) => {
    if (seconds === null || seconds === undefined || seconds <= 0) return null;
    if (seconds < 60) return t('crm.interactions.duration.seconds', { count: seconds });
    const minutes = Math.round(seconds / 60);
    if (minutes < 60) return t('crm.interactions.duration.minutes', { count: minutes });
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return rest === 0 ? t('crm.interactions.duration.hours', { count: hours }) : t('crm.interactions.duration.hoursMinutes', { hours, minutes: rest });
  };

  const headline = (interaction: Worded) =>
    [kindLabel(interaction.kind, interaction.direction), duration(interaction.durationSeconds), interaction.outcome ? t(`crm.interactions.outcome.${interaction.outcome}`) : null]
      .filter((part): part is string => Boolean(part))
      .join(' · ');

  return { kindLabel, duration, headline };
}
