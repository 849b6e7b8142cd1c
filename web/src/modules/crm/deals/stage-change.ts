import { IconArrowRight, IconCirclePlus, IconRestore, IconThumbDown, IconTrophy, type Icon } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { DealStageChangeKind } from '../../../gql/graphql';

export const CHANGE_ICON: Record<DealStageChangeKind, Icon> = { CREATED: IconCirclePlus, MOVED: IconArrowRight, WON: IconTrophy, LOST: IconThumbDown, REOPENED: IconRestore };
export const CHANGE_COLOR: Record<DealStageChangeKind, string> = { CREATED: 'gray', MOVED: 'blue', WON: 'green', LOST: 'red', REOPENED: 'orange' };

interface ChangeWords {
  kind: DealStageChangeKind;
  fromStageName?: string | null;
  toStageName: string;
  checklistDone?: number | null;
  checklistTotal?: number | null;
  changedBy?: { name?: string | null; email: string } | null;
}

/** "Moved from Proposal to Negotiation", "Lost in Proposal"… */
export function changeHeadline(t: TFunction, change: ChangeWords): string {
  if (change.kind === 'MOVED') return t('deals.history.MOVED', { from: change.fromStageName ?? t('deals.history.deletedStage'), to: change.toStageName });
  return t(`deals.history.${change.kind}`, { stage: change.toStageName });
}

/** "Checklist 2 of 3 done" for the stage it left (or was closed in); null when that stage had none. */
export function checklistWords(t: TFunction, change: ChangeWords): string | null {
  if (change.checklistDone === null || change.checklistDone === undefined || !change.checklistTotal) return null;
  return t('deals.history.checklist', { done: change.checklistDone, total: change.checklistTotal });
}

export function changedByName(change: ChangeWords): string | null {
  return change.changedBy ? (change.changedBy.name ?? change.changedBy.email) : null;
}
