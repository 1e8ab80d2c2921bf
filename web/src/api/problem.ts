import { type FieldError, PROBLEM_CODES, type Problem, type ProblemCode, problemType } from '@seamless/contracts';

function isProblemCode(value: unknown): value is ProblemCode {
  return typeof value === 'string' && (PROBLEM_CODES as readonly string[]).includes(value);
}

/** An RFC 9457 problem answered by the server, carried as an error through queries and mutations. */
export class ApiProblem extends Error {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: ProblemCode;
  readonly detail: string | undefined;
  readonly requestId: string | undefined;
  readonly errors: FieldError[];
  /** Members beyond the standard ones that an answer adds, e.g. every problem of an uploaded file. */
  readonly extensions: Readonly<Record<string, unknown>>;
  /** Seconds the server (or a proxy) asked us to wait before asking again, from `Retry-After`. */
  readonly retryAfterSeconds: number | undefined;

  constructor(problem: Problem, extensions: Readonly<Record<string, unknown>> = {}, retryAfterSeconds?: number) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiProblem';
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.code = problem.code;
    this.detail = problem.detail;
    this.requestId = problem.requestId;
    this.errors = problem.errors ?? [];
    this.extensions = extensions;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The request never reached the server, or its answer never came back. */
export class NetworkError extends Error {
  /**
   * A write whose answer was lost may still have been carried out, so the user is told to check
   * before sending it again rather than simply to try again.
   */
  readonly write: boolean;

  constructor(cause: unknown, method = 'GET') {
    super('Network request failed', { cause });
    this.name = 'NetworkError';
    this.write = method !== 'GET' && method !== 'HEAD';
  }
}

/** Codes for answers that carry no problem document, e.g. from a proxy in front of the server. */
function codeForStatus(status: number): ProblemCode {
  switch (status) {
    case 400:
      return 'validation_failed';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    case 429:
      return 'too_many_requests';
    default:
      return 'internal_error';
  }
}

function fieldErrorsOf(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { path, code, message } = entry as Record<string, unknown>;
    if (typeof path !== 'string' || typeof code !== 'string') return [];
    return [{ path, code, message: typeof message === 'string' ? message : '' }];
  });
}

/** `Retry-After` as seconds, from either form HTTP allows: a number of seconds or a date. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

const optionalString = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * Reads a failed response into an ApiProblem. A body that is not a problem document still
 * yields a problem whose code follows the HTTP status, so callers handle one error shape.
 */
export async function problemFromResponse(response: Response): Promise<ApiProblem> {
  const fallbackCode = codeForStatus(response.status);
  let body: Record<string, unknown> = {};
  if (/json/i.test(response.headers.get('content-type') ?? '')) {
    try {
      const parsed: unknown = await response.json();
      if (typeof parsed === 'object' && parsed !== null) body = parsed as Record<string, unknown>;
    } catch {
      // A truncated or malformed body: the status alone still says what happened.
    }
  }
  const code = isProblemCode(body.code) ? body.code : fallbackCode;
  const { type, title, status, code: _code, detail, requestId, errors, ...extensions } = body;
  return new ApiProblem(
    {
      type: optionalString(type) ?? problemType(code),
      title: optionalString(title) ?? response.statusText,
      status: typeof status === 'number' ? status : response.status,
      code,
      detail: optionalString(detail),
      requestId: optionalString(requestId) ?? response.headers.get('x-request-id') ?? undefined,
      errors: fieldErrorsOf(errors),
    },
    extensions,
    retryAfterSeconds(response.headers.get('retry-after')),
  );
}
