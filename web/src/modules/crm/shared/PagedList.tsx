import { Box } from '@mantine/core';
import type { ReactNode } from 'react';
import { ListPager } from './ListPager';
import { PAGE_SIZE, type ListUrl } from './use-list-url';

interface PagedListProps {
  list: ListUrl;
  connection: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor?: string | null } };
  /** Rows on this page. */
  shown: number;
  /** The previous page still shows while the next loads. */
  stale: boolean;
  children: ReactNode;
}

/** One page of a list kept in the URL: its rows, dimmed while the next page loads, and Previous/Next under them. */
export function PagedList({ list, connection, shown, stale, children }: PagedListProps) {
  return (
    <Box style={{ opacity: stale ? 0.6 : 1, transition: 'opacity 120ms' }} aria-busy={stale}>
      {children}
      <ListPager
        page={list.page}
        pageSize={PAGE_SIZE}
        shown={shown}
        total={connection.totalCount}
        hasPrevious={list.after !== null}
        hasNext={connection.pageInfo.hasNextPage}
        onPrevious={list.previous}
        onNext={() => connection.pageInfo.endCursor && list.next(connection.pageInfo.endCursor)}
      />
    </Box>
  );
}
