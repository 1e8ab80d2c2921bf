import type { FormKind } from '@seamless/contracts';
import { api } from '../../api/client';
import type { ConfiguredForm } from './configuredForm';

export const formsApi = {
  /** The form as the signed-in user's agency uses it, with every picklist of the country. */
  active: (form: FormKind) => api.get<ConfiguredForm>(`/api/forms/${encodeURIComponent(form)}`),
};
