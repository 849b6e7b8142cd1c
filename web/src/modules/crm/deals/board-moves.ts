import type { DealBoardQuery } from '../../../gql/graphql';
import { addMoney } from './money';

export type BoardColumn = DealBoardQuery['dealBoard'][number];
export type BoardDeal = BoardColumn['deals'][number];

/** Deal ids per stage id, in board order: what the board shows while a card is dragged. */
export type ColumnItems = Record<string, string[]>;

/** Droppable ids: a column (so an empty one takes a card) and the two closing zones. Deal ids are base64url: no colon. */
const COLUMN = 'stage:';
export const CLOSE_WON = 'close:won';
export const CLOSE_LOST = 'close:lost';

export function columnDropId(stageId: string): string {
  return `${COLUMN}${stageId}`;
}

/** The stage of a column's droppable id; null for anything else. */
export function stageOfDropId(id: string): string | null {
  return id.startsWith(COLUMN) ? id.slice(COLUMN.length) : null;
}

export function isCloseZone(id: string): boolean {
  return id === CLOSE_WON || id === CLOSE_LOST;
}

export function itemsOf(columns: BoardColumn[]): ColumnItems {
  return Object.fromEntries(columns.map((column) => [column.stage.id, column.deals.map((deal) => deal.id)]));
}

/** The stage a deal (or a column's droppable) is in now; null for a closing zone or an unknown id. */
export function containerOf(items: ColumnItems, id: string): string | null {
  const stage = stageOfDropId(id);
  if (stage !== null) return stage in items ? stage : null;
  for (const [stageId, ids] of Object.entries(items)) if (ids.includes(id)) return stageId;
  return null;
}

/**
 * While dragging: the card over another column moves into it, before the card it is over (or last,
 * over the column itself or below its last card). Null when nothing changes.
 */
export function moveAcross(items: ColumnItems, activeId: string, overId: string, below = false): ColumnItems | null {
  const from = containerOf(items, activeId);
  const to = containerOf(items, overId);
  if (from === null || to === null || from === to) return null;
  const target = items[to] ?? [];
  const overIndex = target.indexOf(overId);
  const index = overIndex < 0 ? target.length : overIndex + (below ? 1 : 0);
  return {
    ...items,
    [from]: (items[from] ?? []).filter((id) => id !== activeId),
    [to]: [...target.slice(0, index), activeId, ...target.slice(index)],
  };
}

/** Inside one column: the card takes the place of the card it is dropped on (or goes last, dropped below the cards). */
export function moveWithin(items: ColumnItems, activeId: string, overId: string): ColumnItems {
  const stage = containerOf(items, activeId);
  if (stage === null) return items;
  const ids = items[stage] ?? [];
  const overStage = stageOfDropId(overId);
  if (overStage !== null && overStage !== stage) return items;
  const from = ids.indexOf(activeId);
  const to = overStage !== null ? ids.length - 1 : ids.indexOf(overId);
  if (from < 0 || to < 0 || from === to) return items;
  const next = ids.filter((id) => id !== activeId);
  next.splice(to, 0, activeId);
  return { ...items, [stage]: next };
}

/** Where a deal ended up: its stage and index in that column (what moveDeal takes). */
export function placeOf(items: ColumnItems, dealId: string): { stageId: string; index: number } | null {
  const stageId = containerOf(items, dealId);
  if (stageId === null) return null;
  return { stageId, index: (items[stageId] ?? []).indexOf(dealId) };
}

/**
 * The board with one deal moved (what the API will answer, shown at once): out of its column and into
 * the target at `index`, counts and totals per currency following, positions renumbered.
 */
export function applyMove(columns: BoardColumn[], dealId: string, stageId: string, index: number): BoardColumn[] {
  const deal = columns.flatMap((column) => column.deals).find((candidate) => candidate.id === dealId);
  const fromColumn = columns.find((column) => column.deals.some((candidate) => candidate.id === dealId));
  if (!deal || !fromColumn) return columns;
  const same = fromColumn.stage.id === stageId;
  return columns.map((column) => {
    const isFrom = column.stage.id === fromColumn.stage.id;
    const isTo = column.stage.id === stageId;
    if (!isFrom && !isTo) return column;
    const deals = column.deals.filter((candidate) => candidate.id !== dealId);
    if (isTo) deals.splice(Math.min(Math.max(index, 0), deals.length), 0, deal);
    const renumbered = deals.map((candidate, position) => (candidate.position === position ? candidate : { ...candidate, position }));
    if (same) return { ...column, deals: renumbered };
    return isFrom
      ? { ...column, deals: renumbered, count: Math.max(column.count - 1, 0), totalAmount: addMoney(column.totalAmount, deal.amount, -1) }
      : { ...column, deals: renumbered, count: column.count + 1, totalAmount: addMoney(column.totalAmount, deal.amount, 1) };
  });
}

/** The board without a deal (closed: it leaves the board). */
export function removeDeal(columns: BoardColumn[], dealId: string): BoardColumn[] {
  return columns.map((column) => {
    const deal = column.deals.find((candidate) => candidate.id === dealId);
    if (!deal) return column;
    const deals = column.deals.filter((candidate) => candidate.id !== dealId).map((candidate, position) => ({ ...candidate, position }));
    return { ...column, deals, count: Math.max(column.count - 1, 0), totalAmount: addMoney(column.totalAmount, deal.amount, -1) };
  });
}
