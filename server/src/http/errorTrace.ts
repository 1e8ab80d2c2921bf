/**
 * What an administrator needs to trace a 500 without the log holding personal data. Messages are
 * left out: a PostgreSQL error's message and DETAIL quote row values ("Key (name)=(...) already
 * exists"), and a driver's message can echo query parameters. The stack keeps only its frames.
 */
export type ErrorTrace = {
  errorClass: string;
  errorCode?: string;
  /** SQLSTATE and the schema objects PostgreSQL names: identifiers, never values. */
  pgCode?: string;
  constraint?: string;
  table?: string;
  column?: string;
  stack: string[];
  causes: string[];
};

const MAX_CAUSES = 4;
const IDENTIFIER = /^[\w.$-]{1,128}$/;

const identifier = (value: unknown) => (typeof value === 'string' && IDENTIFIER.test(value) ? value : undefined);

function stackFrames(error: Error): string[] {
  return (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .map((line) => line.trim());
}

const classOf = (value: unknown) =>
  value instanceof Error ? value.constructor.name || value.name : value === null ? 'null' : typeof value;

export function traceOf(error: unknown): ErrorTrace {
  const fields = (error ?? {}) as Record<string, unknown>;
  const code = identifier(fields.code);
  const causes: string[] = [];
  let pgCode = code && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
  let cause = fields.cause;
  for (let depth = 0; cause && depth < MAX_CAUSES; depth++) {
    causes.push(classOf(cause));
    const causeCode = identifier((cause as Record<string, unknown>).code);
    if (!pgCode && causeCode && /^[0-9A-Z]{5}$/.test(causeCode)) pgCode = causeCode;
    cause = (cause as Record<string, unknown>).cause;
  }
  const pgFields = pgCode ? pgErrorOf(error) : {};
  return {
    errorClass: classOf(error),
    ...(code && code !== pgCode ? { errorCode: code } : {}),
    ...(pgCode ? { pgCode } : {}),
    ...pgFields,
    stack: error instanceof Error ? stackFrames(error) : [],
    causes,
  };
}

/** The first error in the cause chain carrying PostgreSQL's schema fields. */
function pgErrorOf(error: unknown): Pick<ErrorTrace, 'constraint' | 'table' | 'column'> {
  let current = error as Record<string, unknown> | undefined;
  for (let depth = 0; current && depth <= MAX_CAUSES; depth++) {
    const constraint = identifier(current.constraint);
    const table = identifier(current.table);
    const column = identifier(current.column);
    if (constraint || table || column) {
      return { ...(constraint ? { constraint } : {}), ...(table ? { table } : {}), ...(column ? { column } : {}) };
    }
    current = current.cause as Record<string, unknown> | undefined;
  }
  return {};
}
