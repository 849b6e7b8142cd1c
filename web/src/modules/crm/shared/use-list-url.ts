import { useLocation, useSearchParams } from 'react-router';

/** Rows per page of every CRM list. */
export const PAGE_SIZE = 25;

/** The cursors of the pages before the current one, kept in the history entry (not the link: cursors are long). */
function cursorsOf(state: unknown): string[] | null {
  if (typeof state !== 'object' || state === null || !('cursors' in state)) return null;
  const cursors = state.cursors;
  return Array.isArray(cursors) && cursors.every((cursor) => typeof cursor === 'string') ? cursors : null;
}

export interface ListUrl {
  params: URLSearchParams;
  /** The cursor the current page starts after; null on the first page. */
  after: string | null;
  /** 1-based page number, or null when it is unknown (a shared link to a later page). */
  page: number | null;
  /** Changes filters, search or sort (null or '' removes one); the list starts again at its first page. */
  update: (changes: Record<string, string | null>, options?: { replace?: boolean }) => void;
  /** Clears the named parameters and goes back to the first page. */
  clear: (keys: string[]) => void;
  next: (endCursor: string) => void;
  previous: () => void;
  first: () => void;
}

/**
 * A list's search, filters, sort and current cursor in the address (so a reload or a shared link
 * shows the same list), with Previous working from a stack of earlier cursors.
 */
export function useListUrl(): ListUrl {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const after = params.get('after');
  const cursors = cursorsOf(location.state);
  const page = after === null ? 1 : cursors ? cursors.length + 2 : null;

  function go(cursor: string | null, nextCursors: string[]) {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (cursor === null) next.delete('after');
        else next.set('after', cursor);
        return next;
      },
      { state: { cursors: nextCursors } },
    );
    window.scrollTo({ top: 0 });
  }

  return {
    params,
    after,
    page,
    update(changes, options = {}) {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(changes)) {
            if (value === null || value === '') next.delete(key);
            else next.set(key, value);
          }
          next.delete('after');
          return next;
        },
        { replace: options.replace ?? false },
      );
    },
    clear(keys) {
      setParams((previous) => {
        const next = new URLSearchParams(previous);
        for (const key of [...keys, 'after']) next.delete(key);
        return next;
      });
    },
    next(endCursor) {
      go(endCursor, after === null ? [] : [...(cursors ?? []), after]);
    },
    previous() {
      const stack = cursors ?? [];
      go(stack.at(-1) ?? null, stack.slice(0, -1));
    },
    first() {
      go(null, []);
    },
  };
}
