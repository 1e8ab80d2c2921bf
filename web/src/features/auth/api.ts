import type { LoginResponse, loginRequestSchema, Me, passwordChangeSchema, preferencesSchema, SessionSummary } from '@seamless/contracts';
import { api } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import type { RequestBody } from '../../api/types';

export type LoginRequest = RequestBody<typeof loginRequestSchema>;
export type PasswordChange = RequestBody<typeof passwordChangeSchema>;
export type Preferences = RequestBody<typeof preferencesSchema>;

export interface SecondFactorEnrolment {
  secret: string;
  otpauthUrl: string;
  qrSvg: string;
}

/** The signed-in user, or null when there is no active session (a 401 of any kind). */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/api/auth/me', { redirectOnUnauthenticated: false });
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 401) return null;
    throw error;
  }
}

// Sign-in steps answer 401 for a wrong password or code: that is for the form, not a redirect.
const signInStep = { redirectOnUnauthenticated: false } as const;

export const authApi = {
  login: (body: LoginRequest) => api.post<LoginResponse>('/api/auth/login', body, signInStep),
  submitSecondFactor: (code: string) => api.post<LoginResponse>('/api/auth/login/second-factor', { code }, signInStep),
  enrolSecondFactor: () => api.post<SecondFactorEnrolment>('/api/auth/second-factor/enrol', {}, signInStep),
  confirmSecondFactor: (code: string) => api.post<{ recoveryCodes: string[] }>('/api/auth/second-factor/confirm', { code }, signInStep),
  disableSecondFactor: (code: string) => api.post<void>('/api/auth/second-factor/disable', { code }),
  logout: () => api.post<void>('/api/auth/logout', {}, signInStep),
  updatePreferences: (body: Preferences) => api.patch<Me>('/api/auth/preferences', body),
  changePassword: (body: PasswordChange) => api.post<void>('/api/auth/password', body),
  sessions: () => api.get<{ items: SessionSummary[] }>('/api/auth/sessions'),
  revokeSession: (id: string) => api.delete(`/api/auth/sessions/${encodeURIComponent(id)}`),
};
