import { NetworkError, problemFromResponse } from './problem';

export const CSRF_COOKIE = 'csrf_token';
export const CSRF_HEADER = 'x-csrf-token';

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  /** Sent as JSON, except a FormData, which goes as multipart/form-data with the browser's boundary. */
  body?: unknown;
  query?: Record<string, QueryValue>;
  /** Added to (or replacing) the defaults, e.g. `Prefer: respond-async` or a download's `accept`. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /**
   * Whether a 401 `unauthenticated` answer sends the user to sign-in. Off for requests that
   * themselves decide whether someone is signed in, such as reading the current user.
   */
  redirectOnUnauthenticated?: boolean;
}

let onUnauthenticated: () => void = () => {};

/** The app installs this once the router exists; the client itself knows nothing of routes. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export function readCookie(name: string, cookieHeader: string): string | undefined {
  for (const part of cookieHeader.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1) continue;
    if (part.slice(0, separator).trim() === name) return decodeURIComponent(part.slice(separator + 1).trim());
  }
  return undefined;
}

function currentCookies(): string {
  return typeof document === 'undefined' ? '' : document.cookie;
}

function urlWithQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * Sends a request with the session cookie and, on writes, the CSRF token, and answers the raw
 * response; a failed answer is thrown as an ApiProblem. For bodies that are not JSON (downloads).
 */
export async function apiFetch(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  // A FormData body gets its multipart content type, boundary included, from fetch itself.
  const body = options.body instanceof FormData || options.body === undefined ? options.body : JSON.stringify(options.body);
  const headers = new Headers({ accept: 'application/json, application/problem+json' });
  if (typeof body === 'string') headers.set('content-type', 'application/json');
  if (method !== 'GET' && method !== 'HEAD') {
    const csrfToken = readCookie(CSRF_COOKIE, currentCookies());
    if (csrfToken) headers.set(CSRF_HEADER, csrfToken);
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);

  let response: Response;
  try {
    response = await fetch(urlWithQuery(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new NetworkError(error, method);
  }

  if (!response.ok) {
    const problem = await problemFromResponse(response);
    if (problem.code === 'unauthenticated' && options.redirectOnUnauthenticated !== false) onUnauthenticated();
    throw problem;
  }
  return response;
}

export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await apiFetch(method, path, options);
  if (response.status === 204 || response.headers.get('content-length') === '0') return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => apiRequest<T>('GET', path, options),
  post: <T>(path: string, body: unknown = {}, options?: RequestOptions) => apiRequest<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => apiRequest<T>('PATCH', path, { ...options, body }),
  delete: <T = void>(path: string, options?: RequestOptions) => apiRequest<T>('DELETE', path, options),
  /** Posts files (and any other fields) as multipart/form-data. */
  upload: <T>(path: string, form: FormData, options?: Omit<RequestOptions, 'body'>) =>
    apiRequest<T>('POST', path, { ...options, body: form }),
};
