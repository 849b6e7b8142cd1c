import {
  closestCenter,
  DndContext,
  DragOverlay,
  getFirstCollision,
  KeyboardSensor,
  MeasuringStrategy,
  MouseSensor,
  pointerWithin,
  rectIntersection,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DealBoardQuery } from '../../../gql/graphql';
import { showApiError } from '../../../lib/form-errors';
import { operationName, useApiMutation } from '../../../lib/use-api';
import {
  applyMove,
  CLOSE_WON,
  containerOf,
  isCloseZone,
  itemsOf,
  moveAcross,
  moveWithin,
  placeOf,
  removeDeal,
  stageOfDropId,
  type BoardColumn as Column,
  type BoardDeal,
  type ColumnItems,
} from './board-moves';
import classes from './Board.module.css';
import { BoardColumn } from './BoardColumn';
import { CloseDealModal, type Closing } from './CloseDealModal';
import { CloseZones } from './CloseZones';
import { DEAL_BOARD, DEAL_QUERIES, MOVE_DEAL } from './deal.documents';
import { DealCard } from './DealCard';

/** Deals shown per column; a longer column says how many more the list view has. */
export const BOARD_PER_STAGE = 50;

interface DealBoardProps {
  pipelineId: string;
  columns: Column[];
  canWrite: boolean;
  /** The list view of the same pipeline. */
  listLink: string;
  onAdd: (stageId: string) => void;
}

/** The centre of the dragged card is inside one of these containers (keyboard drags, which have no pointer). */
const centreWithin: CollisionDetection = ({ collisionRect, droppableContainers, droppableRects }) => {
  const x = collisionRect.left + collisionRect.width / 2;
  const y = collisionRect.top + collisionRect.height / 2;
  return droppableContainers
    .filter((container) => {
      const rect = droppableRects.get(container.id);
      return rect !== undefined && x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
    })
    .map((container) => ({ id: container.id }));
};

/**
 * A pipeline's board: one column per stage. Cards move between and within columns by mouse, touch or
 * keyboard (dnd-kit); the move shows at once and goes back, with the reason, if the API refuses it.
 * Dropped on "Won" or "Lost", a deal is closed after its reason is asked.
 */
export function DealBoard({ pipelineId, columns, canWrite, listLink, onAdd }: DealBoardProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const move = useApiMutation(MOVE_DEAL);
  const [activeId, setActiveId] = useState<string | null>(null);
  // The arrangement shown while a card is dragged, and until the dropped move is in the cache.
  const [arranged, setArranged] = useState<ColumnItems | null>(null);
  const arrangedRef = useRef<ColumnItems | null>(null);
  const [closing, setClosing] = useState<Closing | null>(null);
  const lastOver = useRef<UniqueIdentifier | null>(null);
  // A card just carried into another column: the layout shifts under it for a frame.
  const movedAcross = useRef(false);
  const droppedAt = useRef(0);

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    // A long press on a phone, so that a swipe still scrolls the board.
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const serverItems = useMemo(() => itemsOf(columns), [columns]);
  const items = arranged ?? serverItems;
  const dealsById = useMemo(() => new Map(columns.flatMap((column) => column.deals.map((deal) => [deal.id, deal] as const))), [columns]);
  const stages = useMemo(() => columns.map((column) => ({ id: column.stage.id, name: column.stage.name })), [columns]);
  const boardKey = useMemo(() => [operationName(DEAL_BOARD), { pipelineId, firstPerStage: BOARD_PER_STAGE }], [pipelineId]);

  function arrange(next: ColumnItems | null) {
    arrangedRef.current = next;
    setArranged(next);
  }

  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      movedAcross.current = false;
    });
    return () => cancelAnimationFrame(frame);
  }, [arranged]);

  // The click that ends a mouse drag on a card's title must not open the deal.
  useEffect(() => {
    const swallow = (event: MouseEvent) => {
      if (Date.now() - droppedAt.current < 200) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('click', swallow, true);
    return () => window.removeEventListener('click', swallow, true);
  }, []);

  const titleOf = (id: UniqueIdentifier) => dealsById.get(String(id))?.title ?? '';
  const stageNameOf = (stageId: string | null) => columns.find((column) => column.stage.id === stageId)?.stage.name ?? '';

  const collisionDetection: CollisionDetection = (args) => {
    // The closing zones first: they float above the columns.
    const zones = args.droppableContainers.filter((container) => isCloseZone(String(container.id)));
    const onZone = args.pointerCoordinates ? pointerWithin({ ...args, droppableContainers: zones }) : centreWithin({ ...args, droppableContainers: zones });
    if (onZone.length > 0) return onZone.slice(0, 1);
    const others = args.droppableContainers.filter((container) => !isCloseZone(String(container.id)));
    const pointed = args.pointerCoordinates ? pointerWithin({ ...args, droppableContainers: others }) : [];
    const hits = pointed.length > 0 ? pointed : rectIntersection({ ...args, droppableContainers: others });
    let overId = getFirstCollision(hits, 'id');
    if (overId !== null) {
      const stage = stageOfDropId(String(overId));
      const ids = stage === null ? [] : (arrangedRef.current ?? serverItems)[stage] ?? [];
      if (ids.length > 0) {
        // Over a column with cards: the card nearest to the dragged one.
        overId = closestCenter({ ...args, droppableContainers: others.filter((container) => ids.includes(String(container.id))) })[0]?.id ?? overId;
      }
      lastOver.current = overId;
      return [{ id: overId }];
    }
    // Nothing under the card while the columns settle after a move across: it stays over itself.
    if (movedAcross.current && args.active) lastOver.current = args.active.id;
    return lastOver.current === null ? [] : [{ id: lastOver.current }];
  };

  function onDragStart({ active }: DragStartEvent) {
    lastOver.current = null;
    setActiveId(String(active.id));
    arrange(serverItems);
  }

  function onDragOver({ active, over }: DragOverEvent) {
    const current = arrangedRef.current;
    if (!over || !current || isCloseZone(String(over.id))) return;
    const translated = active.rect.current.translated;
    const below = translated !== null && translated.top + translated.height / 2 > over.rect.top + over.rect.height / 2;
    const next = moveAcross(current, String(active.id), String(over.id), below);
    if (next) {
      movedAcross.current = true;
      arrange(next);
    }
  }

  async function commitMove(dealId: string, stageId: string, index: number, sendPosition = true) {
    await client.cancelQueries({ queryKey: boardKey });
    const previous = client.getQueryData<DealBoardQuery>(boardKey);
    if (previous) client.setQueryData<DealBoardQuery>(boardKey, { dealBoard: applyMove(previous.dealBoard, dealId, stageId, index) });
    arrange(null);
    try {
      await move.mutateAsync({ input: sendPosition ? { id: dealId, stageId, position: index } : { id: dealId, stageId } });
    } catch (error) {
      // Refused (closed meanwhile, stage deleted, no right): the card goes back where it was.
      if (previous) client.setQueryData(boardKey, previous);
      showApiError(t, error);
    } finally {
      await Promise.all(DEAL_QUERIES.map((name) => client.invalidateQueries({ queryKey: [name] })));
    }
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    droppedAt.current = Date.now();
    setActiveId(null);
    const current = arrangedRef.current;
    const dealId = String(active.id);
    const deal = dealsById.get(dealId);
    if (!over || !current || !deal) {
      arrange(null);
      return;
    }
    const overId = String(over.id);
    if (isCloseZone(overId)) {
      arrange(null);
      setClosing({ deal, won: overId === CLOSE_WON });
      return;
    }
    const place = placeOf(moveWithin(current, dealId, overId), dealId);
    const origin = placeOf(serverItems, dealId);
    if (!place || (origin && origin.stageId === place.stageId && origin.index === place.index)) {
      arrange(null);
      return;
    }
    arrange(moveWithin(current, dealId, overId));
    void commitMove(dealId, place.stageId, place.index);
  }

  function onDragCancel() {
    droppedAt.current = Date.now();
    setActiveId(null);
    arrange(null);
  }

  /** "Move to" from a card's menu: the end of that column. */
  function moveToStage(dealId: string, stageId: string) {
    void commitMove(dealId, stageId, (items[stageId] ?? []).length, false);
  }

  const announcements: Announcements = {
    onDragStart: ({ active }) => t('deals.board.announce.start', { title: titleOf(active.id) }),
    onDragOver: ({ active, over }) => {
      if (!over) return t('deals.board.announce.nowhere', { title: titleOf(active.id) });
      if (isCloseZone(String(over.id))) return t(over.id === CLOSE_WON ? 'deals.board.announce.overWon' : 'deals.board.announce.overLost', { title: titleOf(active.id) });
      const current = arrangedRef.current ?? serverItems;
      const stage = containerOf(current, String(over.id));
      const ids = stage === null ? [] : (current[stage] ?? []);
      const index = ids.indexOf(String(active.id));
      return t('deals.board.announce.over', { title: titleOf(active.id), stage: stageNameOf(stage), position: index < 0 ? ids.length + 1 : index + 1, total: Math.max(ids.length, 1) });
    },
    onDragEnd: ({ active, over }) => {
      if (!over) return t('deals.board.announce.cancel', { title: titleOf(active.id) });
      if (isCloseZone(String(over.id))) return t('deals.board.announce.droppedClose', { title: titleOf(active.id) });
      return t('deals.board.announce.dropped', { title: titleOf(active.id), stage: stageNameOf(containerOf(arrangedRef.current ?? serverItems, String(active.id))) });
    },
    onDragCancel: ({ active }) => t('deals.board.announce.cancel', { title: titleOf(active.id) }),
  };

  const active = activeId ? dealsById.get(activeId) : undefined;

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={onDragCancel}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('deals.board.instructions') } }}
    >
      <div className={classes.board} role="group" aria-label={t('deals.board.label')}>
        {columns.map((column) => (
          <BoardColumn
            key={column.stage.id}
            column={column}
            deals={(items[column.stage.id] ?? []).flatMap((id) => dealsById.get(id) ?? [])}
            stages={stages}
            canWrite={canWrite}
            listLink={listLink}
            onAdd={onAdd}
            onMove={moveToStage}
            onClose={(deal: BoardDeal, won: boolean) => setClosing({ deal, won })}
          />
        ))}
      </div>
      {activeId && <CloseZones />}
      <DragOverlay>{active ? <DealCard deal={active} canWrite={canWrite} lifted /> : null}</DragOverlay>
      <CloseDealModal
        closing={closing}
        onClose={() => setClosing(null)}
        onClosed={({ deal }) => {
          const board = client.getQueryData<DealBoardQuery>(boardKey);
          if (board) client.setQueryData<DealBoardQuery>(boardKey, { dealBoard: removeDeal(board.dealBoard, deal.id) });
        }}
      />
    </DndContext>
  );
}
