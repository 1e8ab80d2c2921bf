import { expect } from 'vitest';
import type { ApiClient, ApiResponse, TestApp } from './harness.js';

/**
 * The shared state of the tenancy matrix (src/routes/tenancy.test.ts): the demo instance, one
 * signed-in client per demo account, agency and user ids, and the demo cases by person index.
 * Route groups contribute their own matrix entries from a `<group>.tenancy.ts` module beside
 * the routes, as a function of this context (filled in before any probe runs).
 */
export type TenancyContext = {
  t: TestApp;
  admin: ApiClient;
  /** case_manager, Chiang Rai office */
  socialworker: ApiClient;
  /** agency_admin, Chiang Rai office */
  agencyadmin: ApiClient;
  /** case_manager, NGO */
  ngo: ApiClient;
  /** shelter_staff, shelter */
  shelter: ApiClient;
  /** specialist_psychosocial, shelter */
  psychologist: ApiClient;
  /** screener, police */
  police: ApiClient;
  /** hotline_operator, hotline */
  hotline: ApiClient;
  /** data_officer, ministry */
  data: ApiClient;
  /** case_manager and data_officer, Chiang Rai office: figures, and its own cases behind them */
  officehead: ApiClient;
  agency: Record<'msdhs' | 'chiangrai' | 'hotline' | 'police' | 'shelter' | 'ngo', string>;
  userIds: Record<string, string>;
  /**
   * Case ids by demo person index. Owners cycle chiangrai, chiangrai, police, hotline, ngo,
   * chiangrai, police, shelter; person 0's case is shared with the shelter (identity, shelter),
   * person 1's with the NGO (no sections).
   */
  caseOf: string[];
};

export type MatrixEntry = {
  /** Why the route is safe across agencies, in one line. */
  why: string;
  /** A request an anonymous caller could make; 'public' routes answer it, all others must say 401. */
  anonymous: { path: string; body?: unknown } | 'public';
  probe: () => Promise<void>;
};

export type RouteMatrix = Record<string, MatrixEntry>;

export const UNKNOWN_ID = '5d0f4a57-0000-4000-8000-000000000000';

/** Chiang Rai cases the NGO must never see: everything Chiang Rai owns except person 1's (shared with NGO). */
export const CHIANGRAI_ONLY = [0, 5, 8, 9, 13];

export function expectStatus(response: ApiResponse, status: number, code?: string) {
  const detail = `${response.status} ${JSON.stringify(response.body)}`;
  expect(response.status, detail).toBe(status);
  if (code) {
    expect(response.body?.code, detail).toBe(code);
    expect(String(response.headers.get('content-type'))).toContain('application/problem+json');
  }
  return response.body;
}

export async function ok<T = any>(response: Promise<ApiResponse<T>>): Promise<T> {
  return expectStatus(await response, 200) as T;
}

export const isPseudonym = (name: string) => /^P-[2-9A-Z]{6}$/.test(name);
