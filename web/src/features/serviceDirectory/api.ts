import type {
  DirectoryContact,
  DirectoryExportFormat,
  DirectoryOrganisation,
  DirectoryOrganisationPage,
  DirectorySearchQuery,
  DirectoryService,
  directoryContactInputSchema,
  directoryContactUpdateSchema,
  directoryOrganisationInputSchema,
  directoryOrganisationUpdateSchema,
  directoryServiceInputSchema,
  directoryServiceUpdateSchema,
} from '@seamless/contracts';
import { api, apiFetch } from '../../api/client';
import type { RequestBody } from '../../api/types';

export type OrganisationCreate = RequestBody<typeof directoryOrganisationInputSchema>;
export type OrganisationUpdate = RequestBody<typeof directoryOrganisationUpdateSchema>;
export type ServiceCreate = RequestBody<typeof directoryServiceInputSchema>;
export type ServiceUpdate = RequestBody<typeof directoryServiceUpdateSchema>;
export type ContactCreate = RequestBody<typeof directoryContactInputSchema>;
export type ContactUpdate = RequestBody<typeof directoryContactUpdateSchema>;

/** The directory search as sent in the query string (DirectorySearchQuery with its values spelled out). */
export type SearchQuery = { [Key in keyof DirectorySearchQuery]?: string | number };

const organisationPath = (id: string, ...rest: string[]) =>
  ['/api/directory/organisations', id, ...rest].map((part, index) => (index ? encodeURIComponent(part) : part)).join('/');

/** Hands the export to the browser as a file; a refusal surfaces as an error instead of a saved problem document. */
async function download(query: SearchQuery & { format: DirectoryExportFormat; locale: string }) {
  const response = await apiFetch('GET', '/api/directory/export', { query: { ...query }, headers: { accept: '*/*' } });
  const url = URL.createObjectURL(await response.blob());
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = `service-directory.${query.format}`;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const directoryApi = {
  search: (query: SearchQuery) => api.get<DirectoryOrganisationPage>('/api/directory/organisations', { query: { ...query } }),
  organisation: (id: string) => api.get<DirectoryOrganisation>(organisationPath(id)),
  create: (body: OrganisationCreate) => api.post<DirectoryOrganisation>('/api/directory/organisations', body),
  update: (id: string, body: OrganisationUpdate) => api.patch<DirectoryOrganisation>(organisationPath(id), body),
  addService: (id: string, body: ServiceCreate) => api.post<DirectoryService>(organisationPath(id, 'services'), body),
  updateService: (id: string, serviceId: string, body: ServiceUpdate) =>
    api.patch<DirectoryService>(organisationPath(id, 'services', serviceId), body),
  addContact: (id: string, body: ContactCreate) => api.post<DirectoryContact>(organisationPath(id, 'contacts'), body),
  updateContact: (id: string, contactId: string, body: ContactUpdate) =>
    api.patch<DirectoryContact>(organisationPath(id, 'contacts', contactId), body),
  removeContact: (id: string, contactId: string) => api.delete(organisationPath(id, 'contacts', contactId)),
  verifyContact: (id: string, contactId: string) => api.post<DirectoryContact>(organisationPath(id, 'contacts', contactId, 'verify')),
  download,
};
