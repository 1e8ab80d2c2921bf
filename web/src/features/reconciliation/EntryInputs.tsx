import { Button, Fieldset, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
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
import { ScrollRegion } from './ScrollRegion';
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
  ariaLabel?: string;
  description?: string;
  count: Count | undefined;
  onChange: (count: Count) => void;
  error?: string;
}

/** A whole number of 0 or more; empty means the agency reported nothing for it. */
export function CountInput({ label, ariaLabel, description, count, onChange, error }: CountInputProps) {
  return (
    <NumberInput
      label={label}
      aria-label={ariaLabel}
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

/** Closed breakdowns: one input per value, or a table of inputs for two. */
function FixedInputs({ layout, entries, onChange, value, errors }: EntryInputsProps & { layout: Extract<EntryLayout, { kind: 'fixed' }> }) {
  const { t } = useTranslation();
  const count = (id: string) => ({
    count: entries.counts[id],
    onChange: (next: Count) => onChange(setCount(entries, id, next)),
    error: errors[id],
  });
  const { columns } = layout;
  if (!columns) {
    return (
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        {layout.rows.map((row) => (
          <CountInput key={row} label={value(layout.rowBreakdown, row)} {...count(inputId(row))} />
        ))}
      </SimpleGrid>
    );
  }
  return (
    <ScrollRegion label={t('reconciliation.enter.numbers')}>
      <Table withTableBorder withColumnBorders verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">
              {t('reconciliation.enter.corner', {
                rows: t(`statistics.breakdown.${layout.rowBreakdown}`),
                columns: t(`statistics.breakdown.${columns.breakdown}`),
              })}
            </Table.Th>
            {columns.values.map((column) => (
              <Table.Th key={column} scope="col" style={{ whiteSpace: 'nowrap' }}>
                {value(columns.breakdown, column)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {layout.rows.map((row) => (
            <Table.Tr key={row}>
              <Table.Th scope="row" fw={400} style={{ whiteSpace: 'nowrap' }}>
                {value(layout.rowBreakdown, row)}
              </Table.Th>
              {columns.values.map((column) => (
                <Table.Td key={column}>
                  <CountInput
                    ariaLabel={t('reconciliation.enter.cell', {
                      row: value(layout.rowBreakdown, row),
                      column: value(columns.breakdown, column),
                    })}
                    {...count(inputId(row, column))}
                  />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

interface LineProps extends EntryInputsProps {
  layout: Extract<EntryLayout, { kind: 'added' }>;
  line: AddedLine;
  number: number;
}

/** One reported value of an open breakdown (a nationality, a province) and its numbers. */
function Line({ layout, entries, onChange, value, errors, line, number }: LineProps) {
  const { t } = useTranslation();
  const options = useOpenValueOptions(value);
  const { columns } = layout;
  const count = (id: string) => ({
    count: entries.counts[id],
    onChange: (next: Count) => onChange(setCount(entries, id, next)),
    error: errors[id],
  });
  const setValue = (position: number, next: string | null) => onChange(setLineValue(entries, line.id, position, next));
  return (
    <Fieldset legend={t('reconciliation.enter.line', { number })} variant="filled" p="sm">
      <Group align="flex-start" gap="sm" wrap="wrap">
        {layout.open.map(({ breakdown, position }) => {
          const data = options(breakdown);
          const label = t(`statistics.breakdown.${breakdown}`);
          return data ? (
            <Select
              key={position}
              label={label}
              data={data}
              value={line.values[position] ?? null}
              onChange={(next) => setValue(position, next)}
              searchable
              w={{ base: '100%', sm: 260 }}
            />
          ) : (
            <TextInput
              key={position}
              label={label}
              description={t('reconciliation.enter.provinceHint')}
              value={line.values[position] ?? ''}
              onChange={(event) => setValue(position, event.currentTarget.value || null)}
              maxLength={64}
              w={{ base: '100%', sm: 260 }}
            />
          );
        })}
        {columns ? (
          columns.values.map((column) => (
            <CountInput key={column} label={value(columns.breakdown, column)} {...count(inputId(line.id, column))} />
          ))
        ) : (
          <CountInput label={t('reconciliation.enter.count')} {...count(inputId(line.id))} />
        )}
      </Group>
      <Button variant="subtle" color="red" size="compact-sm" mt="xs" onClick={() => onChange(removeLine(entries, line.id))}>
        {t('reconciliation.enter.removeLine', { number })}
      </Button>
    </Fieldset>
  );
}

/** Lines the reader adds, one for each value of an open breakdown the agency reported. */
function AddedLines(props: EntryInputsProps & { layout: Extract<EntryLayout, { kind: 'added' }> }) {
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

/** The inputs for the reported numbers, laid out as the chosen breakdowns need (reportedFigures.ts). */
export function EntryInputs(props: EntryInputsProps) {
  const { layout } = props;
  switch (layout.kind) {
    case 'total':
      return null;
    case 'fixed':
      return <FixedInputs {...props} layout={layout} />;
    case 'added':
      return <AddedLines {...props} layout={layout} />;
  }
}
