import { useDroppable } from '@dnd-kit/core';
import { IconThumbDown, IconTrophy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CLOSE_LOST, CLOSE_WON } from './board-moves';
import classes from './Board.module.css';

function Zone({ id, kind, label }: { id: string; kind: 'won' | 'lost'; label: string }) {
  const { setNodeRef, isOver } = useDroppable({ id });
  const Icon = kind === 'won' ? IconTrophy : IconThumbDown;
  return (
    <div ref={setNodeRef} className={classes.zone} data-kind={kind} data-over={isOver || undefined} role="region" aria-label={label}>
      <Icon size={20} aria-hidden />
      <span>{label}</span>
    </div>
  );
}

/** While a card is dragged: drop it here to mark the deal won or lost (which asks for the reason). */
export function CloseZones() {
  const { t } = useTranslation();
  return (
    <div className={classes.zones}>
      <Zone id={CLOSE_WON} kind="won" label={t('deals.board.dropWon')} />
      <Zone id={CLOSE_LOST} kind="lost" label={t('deals.board.dropLost')} />
    </div>
  );
}
