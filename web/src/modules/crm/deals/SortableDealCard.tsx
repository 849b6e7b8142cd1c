import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardDeal } from './board-moves';
import { DealCard, type StageChoice } from './DealCard';

interface SortableDealCardProps {
  deal: BoardDeal;
  stageId: string;
  stages: StageChoice[];
  canWrite: boolean;
  onMove: (dealId: string, stageId: string) => void;
  onClose: (deal: BoardDeal, won: boolean) => void;
}

/**
 * A card that can be dragged: with the mouse or a long touch anywhere on it, with the keyboard from
 * its handle (Space or Enter to lift, arrows to move, Space or Enter to drop, Escape to put it back).
 */
export function SortableDealCard({ deal, stageId, stages, canWrite, onMove, onClose }: SortableDealCardProps) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: deal.id,
    disabled: !canWrite,
    attributes: { roleDescription: t('deals.board.roleDescription') },
  });
  // Mouse and touch lift the card from anywhere on it; the keyboard lifts it from its handle.
  const { onKeyDown, ...pointer } = listeners ?? {};
  const onHandleKeyDown = onKeyDown ? (event: KeyboardEvent<HTMLElement>) => (onKeyDown as (event: KeyboardEvent<HTMLElement>) => void)(event) : undefined;
  return (
    <DealCard
      deal={deal}
      stages={stages}
      currentStageId={stageId}
      canWrite={canWrite}
      onMove={(target) => onMove(deal.id, target)}
      onClose={(won) => onClose(deal, won)}
      ghost={isDragging}
      rootRef={setNodeRef}
      rootProps={pointer}
      handle={{ ref: setActivatorNodeRef, attributes, onKeyDown: onHandleKeyDown }}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    />
  );
}
