import { Button, Fieldset, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { StatisticBreakdown } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import {
  type AddedLine,
  addLine,
  type Count,
  type EntryLayout,
  inputId,
  type ReportedEntries,
  removeLine,
  setCount,
  setLineValue,
} from './reportedFigures';
import { useOpenValueOptions } from './useOpenValueOptions';

type ValueLabel = (breakdown: StatisticBreakdown, key: string) => string;

interface EntryInputsProps {
  layout: EntryLayout;
  entries: ReportedEntries;
  onChange: (entries: ReportedEntries) => void;
  value: ValueLabel;
  errors: Record<string, string>;
}

interface CountInputProps {
  label?: string;
  description?: string;
  count: Count | undefined;
  onChange: (count: Count) => void;
  error?: string;
}

/** A whole number of 0 or more; empty means the agency reported nothing for it. */
export function CountInput({ label, description, count, onChange, error }: CountInputProps) {
  return (
    <NumberInput
      label={label}
      description={description}
      value={count ?? ''}
      onChange={(next) => onChange(typeof next === 'number' ? next : '')}
      min={0}
      allowNegative={false}
      allowDecimal={false}
      hideControls
      inputMode="numeric"
      error={error}
      miw={90}
    />
  );
}

/** The number typed in one input, how to change it and its problem, for a `CountInput`. */
const countOf = ({ entries, onChange, errors }: EntryInputsProps, input: string) => ({
  count: entries.counts[input],
  onChange: (next: Count) => onChange(setCount(entries, input, next)),
  error: errors[input],
});

/** A breakdown with few values: one input per value. */
function ClosedInputs(props: EntryInputsProps & { layout: Extract<EntryLayout, { kind: 'closed' }> }) {
  const { layout, value } = props;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
      {layout.values.map((key) => (
        <CountInput key={key} label={value(layout.breakdown, key)} {...countOf(props, inputId(key))} />
      ))}
    </SimpleGrid>
  );
}

interface LineProps extends EntryInputsProps {
  layout: Extract<EntryLayout, { kind: 'open' }>;
  line: AddedLine;
  number: number;
}

/** One reported value of an open breakdown (a nationality, a province) and its number. */
function Line(props: LineProps) {
  const { layout, entries, onChange, value, line, number } = props;
  const { t } = useTranslation();
  const options = useOpenValueOptions(value)(layout.breakdown);
  const label = t(`statistics.breakdown.${layout.breakdown}`);
  const setValue = (next: string | null) => onChange(setLineValue(entries, line.id, next));
  return (
    <Fieldset legend={t('reconciliation.enter.line', { number })} variant="filled" p="sm">
      <Group align="flex-start" gap="sm" wrap="wrap">
        {options ? (
          <Select label={label} data={options} value={line.value} onChange={setValue} searchable w={{ base: '100%', sm: 260 }} />
        ) : (
          <TextInput
            label={label}
            description={t('reconciliation.enter.provinceHint')}
            value={line.value ?? ''}
            onChange={(event) => setValue(event.currentTarget.value || null)}
            maxLength={64}
            w={{ base: '100%', sm: 260 }}
          />
        )}
        <CountInput label={t('reconciliation.enter.count')} {...countOf(props, inputId(line.id))} />
      </Group>
      <Button variant="subtle" color="red" size="compact-sm" mt="xs" onClick={() => onChange(removeLine(entries, line.id))}>
        {t('reconciliation.enter.removeLine', { number })}
      </Button>
    </Fieldset>
  );
}

/** Lines the reader adds, one for each value of an open breakdown the agency reported. */
function AddedLines(props: EntryInputsProps & { layout: Extract<EntryLayout, { kind: 'open' }> }) {
  const { t } = useTranslation();
  const { entries, onChange } = props;
  return (
    <Stack gap="sm">
      {entries.lines.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('reconciliation.enter.noLines')}
        </Text>
      )}
      {entries.lines.map((line, index) => (
        <Line key={line.id} {...props} line={line} number={index + 1} />
      ))}
      <Group>
        <Button variant="light" onClick={() => onChange(addLine(entries))}>
          {t('reconciliation.enter.addLine')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The inputs for the reported numbers, laid out as the chosen breakdown needs (reportedFigures.ts). */
export function EntryInputs(props: EntryInputsProps) {
  const { layout } = props;
  switch (layout.kind) {
    case 'total':
      return null;
    case 'closed':
      return <ClosedInputs {...props} layout={layout} />;
    case 'open':
      return <AddedLines {...props} layout={layout} />;
  }
}
