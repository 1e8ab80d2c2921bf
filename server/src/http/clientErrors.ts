import http from 'node:http';
import type { Socket } from 'node:net';
import { AppError, problemBody } from './problem.js';

/** What Node's HTTP parser refused, before any request (or request id) existed. */
function problemFor(error: NodeJS.ErrnoException): AppError {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return new AppError(408, 'validation_failed', 'The request took too long to arrive.');
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    return new AppError(431, 'payload_too_large', 'The address or the headers of the request are longer than allowed.');
  }
  return new AppError(400, 'validation_failed', 'The request could not be understood.');
}

/**
 * Replaces Fastify's answer to requests the HTTP parser rejects (a 1 MB query string, a broken
 * request line) with a problem document like every other error.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const problem = problemFor(error);
    const body = JSON.stringify(problemBody(problem.status, problem.code, problem.detail));
    socket.write(
      `HTTP/1.1 ${problem.status} ${http.STATUS_CODES[problem.status]}\r\n` +
        `Content-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
