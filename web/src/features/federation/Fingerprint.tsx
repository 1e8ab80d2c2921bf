import { Group, Stack, Text } from '@mantine/core';
import { fingerprintLines } from './federationView';

/**
 * A fingerprint large, in monospace, four groups to a line, so that two administrators can read
 * it to each other group by group. Groups are positions, not identities (the same four characters
 * may occur twice), so they are keyed by position.
 */
export function Fingerprint({ value, label }: { value: string; label: string }) {
  return (
    <Stack gap={4} role="group" aria-label={label}>
      {fingerprintLines(value).map((line, lineIndex) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: positions, see above
        <Group key={lineIndex} gap="lg" wrap="nowrap">
          {line.map((group, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: positions, see above
            <Text key={index} ff="monospace" fz={{ base: 'lg', sm: 26 }} fw={600} lts={2}>
              {group}
            </Text>
          ))}
        </Group>
      ))}
    </Stack>
  );
}
