import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, readCookie, setUnauthenticatedHandler } from './client';
import { ApiProblem, NetworkError, problemFromResponse } from './problem';

const problemResponse = (status: number, body: unknown, contentType = 'application/problem+json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': contentType } });

afterEach(() => {
  vi.unstubAllGlobals();
  setUnauthenticatedHandler(() => {});
});

describe('problemFromResponse', () => {
  it('reads every member of a problem document, including field errors', async () => {
    const problem = await problemFromResponse(
      problemResponse(400, {
        type: 'urn:seamless:problem:validation_failed',
        title: 'Validation failed',
        status: 400,
        code: 'validation_failed',
        detail: 'The request body is not valid',
        requestId: 'req-1',
        errors: [{ path: 'person.givenName', code: 'too_small', message: 'Too small' }],
      }),
    );
    expect(problem).toBeInstanceOf(ApiProblem);
    expect(problem).toMatchObject({
      status: 400,
      code: 'validation_failed',
      title: 'Validation failed',
      detail: 'The request body is not valid',
      requestId: 'req-1',
    });
    expect(problem.errors).toEqual([{ path: 'person.givenName', code: 'too_small', message: 'Too small' }]);
  });

  it('falls back to a code that follows the status when the body is not a problem document', async () => {
    const problem = await problemFromResponse(
      new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'text/html' } }),
    );
    expect(problem.code).toBe('internal_error');
    expect(problem.status).toBe(502);
    expect(problem.title).toBe('Bad Gateway');
    expect(problem.errors).toEqual([]);
  });

  it('does not trust an unknown code and drops malformed field errors', async () => {
    const problem = await problemFromResponse(
      problemResponse(
        409,
        { title: 'Stale', status: 409, code: 'not_a_code', errors: [{ path: 1 }, 'x', { path: 'name', code: 'custom' }] },
        'application/json',
      ),
    );
    expect(problem.code).toBe('conflict');
    expect(problem.type).toBe('urn:seamless:problem:conflict');
    expect(problem.errors).toEqual([{ path: 'name', code: 'custom', message: '' }]);
  });

  it('survives a truncated JSON body', async () => {
    const problem = await problemFromResponse(
      new Response('{"code": "forb', { status: 403, headers: { 'content-type': 'application/problem+json' } }),
    );
    expect(problem.code).toBe('forbidden');
  });
});

describe('api', () => {
  it('sends JSON with the CSRF token from the cookie on writes, and parses the answer', async () => {
    vi.stubGlobal('document', { cookie: 'theme=light; csrf_token=abc%3D123' });
    const fetchSpy = vi.fn(async () => Response.json({ id: 'a1' }, { status: 201 }));
    vi.stubGlobal('fetch', fetchSpy);

    await expect(api.post('/api/admin/agencies', { name: 'Shelter' })).resolves.toEqual({ id: 'a1' });

    const [url, init] = fetchSpy.mock.calls[0] as unknown as [string, RequestInit];
    const headers = new Headers(init.headers);
    expect(url).toBe('/api/admin/agencies');
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"name":"Shelter"}');
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.get('x-csrf-token')).toBe('abc=123');
  });

  it('sends no CSRF token on reads and drops empty query values', async () => {
    vi.stubGlobal('document', { cookie: 'csrf_token=abc' });
    const fetchSpy = vi.fn(async () => Response.json({ items: [] }));
    vi.stubGlobal('fetch', fetchSpy);

    await api.get('/api/cases', { query: { page: 2, status: undefined, q: '' } });

    const [url, init] = fetchSpy.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/cases?page=2');
    expect(new Headers(init.headers).has('x-csrf-token')).toBe(false);
  });

  it('answers undefined for 204 No Content', async () => {
    vi.stubGlobal('fetch', async () => new Response(null, { status: 204 }));
    await expect(api.delete('/api/auth/sessions/s1')).resolves.toBeUndefined();
  });

  it('throws the parsed problem and hands 401 unauthenticated to the sign-in handler', async () => {
    const handler = vi.fn();
    setUnauthenticatedHandler(handler);
    vi.stubGlobal('fetch', async () =>
      problemResponse(401, { type: 'urn:seamless:problem:unauthenticated', title: 'Sign in', status: 401, code: 'unauthenticated' }),
    );

    await expect(api.get('/api/cases')).rejects.toMatchObject({ code: 'unauthenticated', status: 401 });
    expect(handler).toHaveBeenCalledOnce();

    await expect(api.get('/api/auth/me', { redirectOnUnauthenticated: false })).rejects.toBeInstanceOf(ApiProblem);
    expect(handler).toHaveBeenCalledOnce();
  });

  it('does not send a wrong password to the sign-in handler', async () => {
    const handler = vi.fn();
    setUnauthenticatedHandler(handler);
    vi.stubGlobal('fetch', async () =>
      problemResponse(401, { type: 'urn:seamless:problem:invalid_credentials', title: 'No', status: 401, code: 'invalid_credentials' }),
    );
    await expect(api.post('/api/auth/login', { username: 'a', password: 'b' })).rejects.toMatchObject({ code: 'invalid_credentials' });
    expect(handler).not.toHaveBeenCalled();
  });

  it('reports an unreachable server as a network error', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('fetch failed');
    });
    await expect(api.get('/api/cases')).rejects.toBeInstanceOf(NetworkError);
  });
});

describe('readCookie', () => {
  it('finds a cookie among others and decodes it', () => {
    expect(readCookie('csrf_token', 'a=1; csrf_token=x%20y;b=2')).toBe('x y');
    expect(readCookie('csrf_token', 'a=1')).toBeUndefined();
  });
});
