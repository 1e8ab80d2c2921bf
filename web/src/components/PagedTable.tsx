import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { TablePager } from './TablePager';

interface PagedTableProps<T> {
  result: { items: T[]; total: number };
  /** Header cell contents, in column order. */
  columns: readonly ReactNode[];
  renderRow: (item: T) => ReactNode;
  /** Shown instead of the table when the page holds nothing. */
  empty: string;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  minWidth?: number;
}

/** One page of a server-paged listing: the table (scrolling sideways on narrow screens) and its pager. */
export function PagedTable<T>({ result, columns, renderRow, empty, page, pageSize, onPageChange, minWidth = 900 }: PagedTableProps<T>) {
  if (result.items.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column, index) => (
                // Columns are fixed per page and never reorder, so their position is a stable key.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <Table.Th key={index}>{column}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{result.items.map(renderRow)}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <TablePager page={page} pageSize={pageSize} total={result.total} onPageChange={onPageChange} />
    </>
  );
}
