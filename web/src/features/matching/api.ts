import type { PersonMatchResponse, personMatchQuerySchema } from '@seamless/contracts';
import { api } from '../../api/client';
import type { RequestBody } from '../../api/types';

export type PersonMatchQuery = RequestBody<typeof personMatchQuerySchema>;

export const matchApi = {
  // A POST because the criteria are personal data, which must not travel in a URL (logs, history).
  find: (query: PersonMatchQuery, signal?: AbortSignal) => api.post<PersonMatchResponse>('/api/persons/matches', query, { signal }),
};
