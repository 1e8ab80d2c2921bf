import { type FieldError, type ProblemCode, problemType } from '@seamless/contracts';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  423: 'Locked',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
};

/** The one error class of the API; the error handler turns it into problem+json. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
    /** RFC 9457 extension members, e.g. the current version on a conflict. */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(detail ?? code);
  }
}

export const notFound = (detail = 'No such record, or not visible to you.') => new AppError(404, 'not_found', detail);
export const forbidden = (detail = 'Your role or agency does not allow this.') => new AppError(403, 'forbidden', detail);
/** `current` tells the client what it collided with, so it can show both and lose nothing. */
export const conflict = (
  detail = 'Someone else changed this record; reload and apply your change again.',
  current?: Record<string, unknown>,
) => new AppError(409, 'conflict', detail, undefined, undefined, current ? { current } : undefined);
export const fieldError = (status: number, code: ProblemCode, path: string, message: string) =>
  new AppError(status, code, message, [{ path, code, message }]);

export function problemBody(
  status: number,
  code: ProblemCode,
  detail?: string,
  errors?: FieldError[],
  requestId?: string,
  extensions?: Record<string, unknown>,
) {
  return {
    ...extensions,
    type: problemType(code),
    title: TITLES[status] ?? 'Error',
    status,
    code,
    ...(detail ? { detail } : {}),
    ...(requestId ? { requestId } : {}),
    ...(errors?.length ? { errors } : {}),
  };
}
