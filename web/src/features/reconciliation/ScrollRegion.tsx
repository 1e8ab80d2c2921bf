import { ScrollArea } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A wide table on a phone scrolls sideways; the region takes keyboard focus so that it can be
 * scrolled with the arrow keys too, and is named so that a screen reader announces what it holds.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ScrollArea type="auto" offsetScrollbars="x" viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': label }}>
      {children}
    </ScrollArea>
  );
}
