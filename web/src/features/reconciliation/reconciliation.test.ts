import {
  type FieldError,
  periodShapeOf,
  RECONCILIATION_VERDICTS,
  type ReconciliationLine,
  type StatisticDefinition,
  statisticSubmissionRequestSchema,
  statisticSubmissionUploadQuerySchema,
} from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../api/problem';
import { validate } from '../../lib/validation';
import catalogue from '../../locales/en/reconciliation.json';
import { keyOrder } from '../statistics/figureGrid';
import { type Period, periodRange } from '../statistics/period';
import { breakdownValues } from './breakdownValues';
import {
  allowedBreakdown,
  type FigureChoice,
  figureFields,
  initialChoice,
  isReportedBreakdown,
  reportableDefinitions,
  submittedPeriod,
  templateQuery,
  workbookQuery,
} from './figureChoice';
import { type ErrorReason, placeErrors } from './problemFields';
import {
  addLine,
  EMPTY_ENTRIES,
  enteredCells,
  entryLayout,
  inputId,
  type ReportedEntries,
  removeLine,
  setCount,
  setLineValue,
  submissionRequest,
} from './reportedFigures';
import { computedText, orderedLines, summaryOf, VERDICT_COLORS } from './verdicts';
import { columnLetter, isWorkbookProblemCode, WORKBOOK_PROBLEM_CODES, WorkbookRefusal, workbookProblemsOf } from './workbookProblems';

const AGENCY = '6f1c2a4e-8b7d-4c3a-9e2f-1a2b3c4d5e6f';
const YEAR_2024 = periodRange({ kind: 'year', year: 2024 });
const AGE_BANDS = [
  { key: '<15', from: 0, to: 15 },
  { key: '15-17', from: 15, to: 18 },
  { key: '18+', from: 18, to: null },
];

const choice = (change: Partial<FigureChoice> = {}): FigureChoice => ({
  ...initialChoice(AGENCY, 2026),
  source: 'Annual report 2024, table 3',
  ...change,
});

const fill = (entries: ReportedEntries, counts: Record<string, number | ''>) =>
  Object.entries(counts).reduce((current, [input, count]) => setCount(current, input, count), entries);

describe('the values of a breakdown', () => {
  it('lays out the closed vocabularies as the figures name them, "not recorded" last', () => {
    expect(breakdownValues('sex', YEAR_2024, AGE_BANDS)).toEqual(['female', 'male', 'other', 'unknown']);
    expect(breakdownValues('child', YEAR_2024, AGE_BANDS)).toEqual(['child', 'adult', 'unknown']);
    expect(breakdownValues('ethnicMinority', YEAR_2024, AGE_BANDS)).toEqual(['yes', 'no', 'unknown']);
    expect(breakdownValues('domesticAbroad', YEAR_2024, AGE_BANDS)).toEqual(['domestic', 'abroad', 'unknown']);
    expect(breakdownValues('ageBand', YEAR_2024, AGE_BANDS)).toEqual(['<15', '15-17', '18+', 'unknown']);
  });

  it('offers only the years, quarters and months inside the period', () => {
    expect(breakdownValues('quarter', YEAR_2024, [])).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
    expect(breakdownValues('month', periodRange({ kind: 'quarter', year: 2025, quarter: 4 }), [])).toEqual([
      '2025-10',
      '2025-11',
      '2025-12',
    ]);
    expect(breakdownValues('year', periodRange({ kind: 'years', from: 2023, to: 2025 }), [])).toEqual(['2023', '2024', '2025']);
    expect(breakdownValues('quarter', periodRange({ kind: 'years', from: 2024, to: 2025 }), [])).toHaveLength(8);
    expect(breakdownValues('month', periodRange({ kind: 'month', year: 2024, month: 2 }), [])).toEqual(['2024-02']);
  });

  it('leaves open breakdowns to lines the reader adds', () => {
    for (const open of ['nationality', 'province', 'exploitationType'] as const) {
      expect(breakdownValues(open, YEAR_2024, AGE_BANDS)).toBeNull();
    }
  });
});

describe('the figure chosen', () => {
  it('asks only for periods the figures take', () => {
    const periods: Period[] = [
      { kind: 'year', year: 2024 },
      { kind: 'quarter', year: 2024, quarter: 3 },
      { kind: 'month', year: 2024, month: 2 },
      { kind: 'years', from: 2021, to: 2024 },
    ];
    for (const period of periods) {
      const { from, to } = periodRange(period);
      expect(periodShapeOf(from, to)).not.toBeNull();
      expect(submittedPeriod(from, to)).toEqual(period);
    }
    expect(submittedPeriod('2024-07-01', '2024-12-31')).toEqual({ kind: 'half', year: 2024, half: 2 });
    expect(submittedPeriod('2024-01-01', '2024-04-30')).toBeNull();
  });

  it('starts with last year, the year of the annual reports agencies publish', () => {
    expect(initialChoice(AGENCY, 2026)).toMatchObject({ sourceAgencyId: AGENCY, period: { kind: 'year', year: 2025 }, breakdown: null });
  });

  it('offers counts, not rates, and drops a breakdown the new figure lacks', () => {
    const definition = (key: StatisticDefinition['key'], unit: StatisticDefinition['unit']): StatisticDefinition => ({
      key,
      unit,
      periodDate: '',
      breakdowns: [],
      availability: 'recorded',
    });
    const reportable = reportableDefinitions([definition('victims_identified', 'persons'), definition('sdg_16_2_2', 'rate_per_100k')]);
    expect(reportable.map((each) => each.key)).toEqual(['victims_identified']);
    expect(allowedBreakdown('sex', ['year', 'sex'])).toBe('sex');
    expect(allowedBreakdown('nationality', ['year', 'sex'])).toBeNull();
    expect(allowedBreakdown(null, ['year', 'sex'])).toBeNull();
  });

  it('names the figure in the body for the form and in the address for a workbook', () => {
    const chosen = choice({ breakdown: 'sex', period: { kind: 'quarter', year: 2024, quarter: 2 } });
    expect(figureFields(chosen)).toEqual({
      sourceAgencyId: AGENCY,
      statistic: 'victims_identified',
      from: '2024-04-01',
      to: '2024-06-30',
      by: ['sex'],
      source: 'Annual report 2024, table 3',
    });
    expect(workbookQuery(chosen)).toMatchObject({ by: 'sex', from: '2024-04-01', sourceAgencyId: AGENCY });
    expect(validate(statisticSubmissionUploadQuerySchema, workbookQuery(chosen)).ok).toBe(true);
    expect(templateQuery(chosen)).toEqual({ statistic: 'victims_identified', from: '2024-04-01', to: '2024-06-30', by: 'sex' });
    expect(figureFields(choice()).by).toEqual([]);
    expect(workbookQuery(choice()).by).toBeUndefined();
  });

  it('is refused by the contract with two breakdowns', () => {
    const body = { ...figureFields(choice({ breakdown: 'sex' })), cells: [{ keys: ['female'], value: 4 }], total: 30 };
    expect(validate(statisticSubmissionRequestSchema, body).ok).toBe(true);
    expect(validate(statisticSubmissionRequestSchema, { ...body, by: ['sex', 'child'] }).ok).toBe(false);
    expect(validate(statisticSubmissionRequestSchema, { ...body, cells: [{ keys: ['female', 'child'], value: 4 }] }).ok).toBe(false);
    expect(validate(statisticSubmissionUploadQuerySchema, { ...workbookQuery(choice()), by: 'sex,child' }).ok).toBe(false);
  });

  it('is never broken down by agency, the table by agency’s other dimension', () => {
    expect(isReportedBreakdown('agency')).toBe(false);
    expect(isReportedBreakdown('nationality')).toBe(true);
    // @ts-expect-error A choice cannot hold the agency as its breakdown (checked by tsc, not by this run).
    choice({ breakdown: 'agency' });
  });
});

describe('the inputs for the reported numbers', () => {
  it('asks only for the total without a breakdown', () => {
    expect(entryLayout(null, YEAR_2024, AGE_BANDS)).toEqual({ kind: 'total' });
    const { body, inputs } = submissionRequest(choice(), entryLayout(null, YEAR_2024, AGE_BANDS), EMPTY_ENTRIES, 30);
    expect(body).toMatchObject({ by: [], cells: [], total: 30 });
    expect(inputs).toEqual([]);
    expect(validate(statisticSubmissionRequestSchema, body).ok).toBe(true);
  });

  it('gives each value of a closed breakdown its input', () => {
    expect(entryLayout('sex', YEAR_2024, AGE_BANDS)).toEqual({
      kind: 'closed',
      breakdown: 'sex',
      values: ['female', 'male', 'other', 'unknown'],
    });
    expect(entryLayout('quarter', YEAR_2024, AGE_BANDS)).toMatchObject({
      kind: 'closed',
      values: ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'],
    });
  });

  it('makes lines the reader adds for an open breakdown', () => {
    expect(entryLayout('nationality', YEAR_2024, AGE_BANDS)).toEqual({ kind: 'open', breakdown: 'nationality' });
  });

  it('sends only the inputs filled in, zeros included', () => {
    const layout = entryLayout('sex', YEAR_2024, AGE_BANDS);
    const entries = fill(EMPTY_ENTRIES, { [inputId('female')]: 4, [inputId('male')]: 0, [inputId('other')]: '' });
    const { body, inputs } = submissionRequest(choice({ breakdown: 'sex' }), layout, entries, 30);
    expect(body.cells).toEqual([
      { keys: ['female'], value: 4 },
      { keys: ['male'], value: 0 },
    ]);
    expect(inputs).toEqual([inputId('female'), inputId('male')]);
    expect(body).toMatchObject({ by: ['sex'], total: 30 });
    expect(validate(statisticSubmissionRequestSchema, body).ok).toBe(true);
  });

  it('sends each added line’s value with its number, and forgets a removed line', () => {
    const layout = entryLayout('nationality', YEAR_2024, AGE_BANDS);
    let entries = addLine(addLine(EMPTY_ENTRIES));
    const [first, second] = entries.lines.map((line) => line.id) as [string, string];
    entries = setLineValue(setLineValue(entries, first, 'MM'), second, 'LA');
    entries = fill(entries, { [inputId(first)]: 12, [inputId(second)]: 3 });
    const { body, inputs } = submissionRequest(choice({ breakdown: 'nationality' }), layout, entries, '');
    expect(body.cells).toEqual([
      { keys: ['MM'], value: 12 },
      { keys: ['LA'], value: 3 },
    ]);
    expect(inputs).toEqual([inputId(first), inputId(second)]);
    expect(validate(statisticSubmissionRequestSchema, body).ok).toBe(true);
    expect(setLineValue(entries, first, null).lines[0]).toEqual({ id: first, value: null });
    expect(removeLine(entries, first)).toEqual({
      lines: [{ id: second, value: 'LA' }],
      counts: { [inputId(second)]: 3 },
    });
    expect(addLine(removeLine(entries, first)).lines.map((line) => line.id)).toEqual([second, '3']);
  });

  it('sends a number on a line without its value, for the check to point at that line', () => {
    const layout = entryLayout('province', YEAR_2024, AGE_BANDS);
    let entries = addLine(EMPTY_ENTRIES);
    const id = entries.lines[0]?.id ?? '';
    entries = fill(setLineValue(entries, id, '  Chiang Rai '), { [inputId(id)]: 5 });
    expect(enteredCells(layout, entries).cells).toEqual([{ keys: ['Chiang Rai'], value: 5 }]);

    const unnamed = fill(addLine(EMPTY_ENTRIES), { [inputId('1')]: 5 });
    const { body, inputs } = submissionRequest(choice({ breakdown: 'province' }), layout, unnamed, '');
    const checked = validate(statisticSubmissionRequestSchema, body);
    expect(checked.ok).toBe(false);
    const placed = placeErrors(checked.ok ? [] : checked.errors, inputs);
    expect(placed.get(inputId('1'))).toMatchObject({ reason: 'cellKeys' });
  });
});

describe('problems beside their fields', () => {
  const error = (path: string, code = 'custom'): FieldError => ({ path, code, message: `server: ${path}` });
  const inputs = [inputId('female'), inputId('male')];

  it('reads the server’s body and address paths as the form’s fields', () => {
    const placed = placeErrors(
      [
        error('body.sourceAgencyId', 'validation_failed'),
        error('query.to'),
        error('body.by.1'),
        error('source', 'too_small'),
        error('body.cells.1.value', 'too_big'),
        error('body.total', 'too_small'),
        error('cells'),
      ],
      inputs,
    );
    expect(Object.fromEntries([...placed].map(([place, { reason }]) => [place, reason]))).toEqual({
      sourceAgencyId: 'agency',
      period: 'period',
      by: 'by',
      source: 'source',
      [inputId('male')]: 'count',
      total: 'count',
      cells: 'noNumbers',
    });
  });

  it('tells a value the figures do not know from a line entered twice', () => {
    const placed = placeErrors([error('cells.0.keys.0', 'validation_failed'), error('cells.1.keys')], inputs);
    expect(placed.get(inputId('female'))?.reason).toBe('unknownValue');
    expect(placed.get(inputId('male'))?.reason).toBe('cellKeys');
  });

  it('keeps the first problem of a place, the server’s words where the form has none, and the rest for the form', () => {
    const placed = placeErrors(
      [error('source', 'too_big'), error('source', 'too_small'), error('cells.7.value'), error('body.elsewhere')],
      inputs,
    );
    expect(placed.get('source')).toMatchObject({ reason: null, code: 'too_big' });
    expect(placed.get('cells')).toMatchObject({ reason: 'count' });
    expect(placed.get('form')).toMatchObject({ reason: null, message: 'server: body.elsewhere' });
  });
});

describe('a refused workbook', () => {
  it('lists every problem, the whole file’s first and then in reading order, leaving out malformed ones', () => {
    const problems = workbookProblemsOf({
      problems: [
        { row: 4, column: 2, code: 'not_a_count', message: 'Not a count.' },
        { row: 2, column: 3, code: 'unknown_value', message: 'Unknown.' },
        { row: null, column: null, code: 'header', message: 'Header.' },
        { row: 'x', code: 'duplicate' },
        { row: 2, column: 1, code: 'duplicate', message: 'Twice.' },
      ],
    });
    expect(problems.map(({ row, column }) => [row, column])).toEqual([
      [null, null],
      [2, 1],
      [2, 3],
      [4, 2],
    ]);
    expect(workbookProblemsOf({ title: 'no problems here' })).toEqual([]);
    expect(workbookProblemsOf(null)).toEqual([]);
  });

  it('stays a problem the rest of the app understands', () => {
    const problem = new ApiProblem({ type: 'urn', title: 'Bad', status: 400, code: 'validation_failed', errors: [] });
    const refusal = new WorkbookRefusal(problem, [{ row: 1, column: 1, code: 'header', message: 'Header.' }]);
    expect(refusal).toBeInstanceOf(ApiProblem);
    expect(refusal.code).toBe('validation_failed');
    expect(refusal.problems).toHaveLength(1);
  });

  it('names columns as spreadsheets do', () => {
    expect([1, 2, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AZ', 'AAA']);
  });

  it('words every known problem code, and leaves any other to the server', () => {
    for (const code of WORKBOOK_PROBLEM_CODES) expect(catalogue.reconciliation.workbook.code[code]).toBeTruthy();
    expect(isWorkbookProblemCode('header')).toBe(true);
    expect(isWorkbookProblemCode('something_new')).toBe(false);
  });
});

describe('the comparison', () => {
  const line = (keys: string[], verdict: ReconciliationLine['verdict'], value: number | null = 5): ReconciliationLine => ({
    keys,
    reported: 5,
    computed: { keys, value, suppressed: value === null },
    difference: value === null ? null : 5 - value,
    verdict,
  });

  it('counts lines by verdict in the contract’s order, leaving out verdicts no line has', () => {
    expect(summaryOf({ differs: 2, agrees: 3, hidden: 0 })).toEqual([
      { verdict: 'agrees', count: 3 },
      { verdict: 'differs', count: 2 },
    ]);
  });

  it('orders lines as the figures order their values', () => {
    const order = keyOrder([], (_, key) => key, 'en');
    const lines = [line(['unknown'], 'not_reported'), line(['male'], 'agrees'), line(['female'], 'differs', 9)];
    expect(orderedLines(lines, ['sex'], order).map((each) => each.keys[0])).toEqual(['female', 'male', 'unknown']);
  });

  it('shows a hidden count as hidden and a figure not recorded as no number', () => {
    expect(computedText({ keys: [], value: null, suppressed: true })).toEqual({ kind: 'hidden' });
    expect(computedText({ keys: [], value: null, suppressed: false })).toEqual({ kind: 'none' });
    expect(computedText({ keys: [], value: 0, suppressed: false })).toEqual({ kind: 'count', value: 0 });
  });

  it('has a colour and words for every verdict and every reason', () => {
    const reasons: ErrorReason[] = ['agency', 'period', 'by', 'source', 'noNumbers', 'cellKeys', 'unknownValue', 'count'];
    for (const verdict of RECONCILIATION_VERDICTS) {
      expect(VERDICT_COLORS[verdict]).toBeTruthy();
      expect(catalogue.reconciliation.verdict[verdict]).toBeTruthy();
    }
    for (const reason of reasons) expect(catalogue.reconciliation.errors[reason]).toBeTruthy();
  });
});
