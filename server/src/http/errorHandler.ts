import { type FieldError, limitsOfIssue } from '@seamless/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { traceOf } from './errorTrace.js';
import { AppError, problemBody } from './problem.js';

/** PostgreSQL SQLSTATEs that are the caller's fault, not ours. */
const PG_PROBLEMS: Record<string, AppError> = {
  '23505': new AppError(409, 'conflict', 'A record with this value already exists.'),
  '23503': new AppError(422, 'invalid_reference', 'A referenced record does not exist or is not visible to you.'),
  '42501': new AppError(403, 'forbidden', 'Your role or agency does not allow this.'),
  '40001': new AppError(409, 'conflict', 'The change collided with another one; try again.'),
};

const DATA_EXCEPTION = new AppError(400, 'validation_failed', 'A value is out of the range the database can store.');

function pgCodeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

const locationPrefix = (context: string | undefined) =>
  context === 'querystring' ? 'query.' : context === 'params' ? 'params.' : context === 'headers' ? 'headers.' : '';

function validationErrors(error: FastifyError): FieldError[] {
  if (!hasZodFastifySchemaValidationErrors(error)) return [];
  const prefix = locationPrefix(error.validationContext);
  return error.validation.map((issue) => {
    const keys = issue.keyword === 'unrecognized_keys' ? (issue.params as { keys?: string[] }).keys : undefined;
    const basePath = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const path = keys?.length ? [basePath, keys[0]].filter(Boolean).join('.') : basePath;
    const limits = limitsOfIssue({ code: issue.keyword, ...(issue.params as Record<string, unknown>) });
    return { path: `${prefix}${path}`, code: issue.keyword, message: issue.message ?? issue.keyword, ...limits };
  });
}

/**
 * Every failure leaves as RFC 9457 problem+json with a stable code. Unexpected errors are logged
 * with the request id (pino's reqId), class, SQLSTATE and stack frames, never their messages:
 * driver messages can carry query parameters, i.e. personal data.
 */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const send = (problem: AppError) => {
      for (const [name, value] of Object.entries(problem.headers ?? {})) reply.header(name, value);
      return reply
        .status(problem.status)
        .type('application/problem+json')
        .send(problemBody(problem.status, problem.code, problem.detail, problem.errors, request.id, problem.extensions));
    };

    if (error instanceof AppError) return send(error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      return send(new AppError(400, 'validation_failed', 'Some fields are missing or invalid.', validationErrors(error)));
    }
    if (error instanceof ZodError) {
      const errors = error.issues.map((issue) => ({
        path: issue.path.join('.'),
        code: issue.code,
        message: issue.message,
        ...limitsOfIssue(issue),
      }));
      return send(new AppError(400, 'validation_failed', 'Some fields are missing or invalid.', errors));
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(new AppError(400, 'malformed_json', 'The request body is not valid JSON.'));
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(new AppError(413, 'payload_too_large', 'The request body is larger than allowed.'));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(new AppError(415, 'unsupported_media_type', 'Send JSON (application/json).'));
    }
    if (error.statusCode === 429) {
      // The wait is in the Retry-After header; a limit's window may be a minute or a quarter hour.
      return send(new AppError(429, 'too_many_requests', 'Too many requests; try again after the time the Retry-After header gives.'));
    }
    if (error instanceof SyntaxError && error.statusCode === 400) {
      return send(new AppError(400, 'malformed_json', 'The request body is not valid JSON.'));
    }
    const pgCode = pgCodeOf(error);
    // Class 22 is PostgreSQL's "data exception": a value the caller sent that it cannot store.
    const known = pgCode ? (PG_PROBLEMS[pgCode] ?? (pgCode.startsWith('22') ? DATA_EXCEPTION : undefined)) : undefined;
    if (known) return send(known);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(new AppError(error.statusCode, 'validation_failed', 'The request could not be understood.'));
    }
    request.log.error(traceOf(error), 'unhandled error');
    return send(new AppError(500, 'internal_error', 'Something went wrong on our side; the request id helps the administrator find it.'));
  });
}
