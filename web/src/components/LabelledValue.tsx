import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A small caption over its value, as on a printed record's header block. */
export function LabelledValue({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}
