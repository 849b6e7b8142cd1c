import { v7 } from 'uuid';

/** Time-ordered UUIDs keep B-tree inserts local and make `id` a stable tiebreaker for cursors. */
export function newId(): string {
  return v7();
}
