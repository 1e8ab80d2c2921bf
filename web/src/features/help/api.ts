import type { HelpContact, PasswordResetRequest } from '@seamless/contracts';
import { api } from '../../api/client';

// Both are for people who may not be signed in: a 401 is never a reason to redirect here.
const anyone = { redirectOnUnauthenticated: false } as const;

export const helpApi = {
  contact: () => api.get<HelpContact>('/api/help/contact', anyone),
  requestPasswordReset: (body: PasswordResetRequest) => api.post<void>('/api/help/password-reset-requests', body, anyone),
};
