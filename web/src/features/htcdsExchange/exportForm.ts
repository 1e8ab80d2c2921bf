import type { CaseStatus, HtcdsFormat, HtcdsLayout, htcdsExportQuerySchema, TraffickingStatus } from '@seamless/contracts';
import type { RequestBody } from '../../api/types';

export const HTCDS_EXPORT_PATH = '/api/exports/htcds';

/** The export page's choices; empty filters mean every case the user may export. */
export interface ExportForm {
  format: HtcdsFormat;
  layout: HtcdsLayout;
  status: CaseStatus | null;
  traffickingStatus: TraffickingStatus | null;
  /** `YYYY-MM-DD`, as a date input gives it. */
  openedFrom: string;
  openedTo: string;
  identities: boolean;
}

export const DEFAULT_EXPORT_FORM: ExportForm = {
  format: 'xlsx',
  layout: 'toolkit',
  status: null,
  traffickingStatus: null,
  openedFrom: '',
  openedTo: '',
  identities: false,
};

type ExportQuery = RequestBody<typeof htcdsExportQuerySchema>;

export function exportQueryOf(form: ExportForm): ExportQuery {
  return {
    format: form.format,
    layout: form.layout,
    status: form.status ?? undefined,
    traffickingStatus: form.traffickingStatus ?? undefined,
    openedFrom: form.openedFrom || undefined,
    openedTo: form.openedTo || undefined,
    identities: form.identities ? 'true' : 'false',
  };
}

/** The download's address; filters left empty are left out rather than sent blank. */
export function exportPath(form: ExportForm): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(exportQueryOf(form))) {
    if (value !== undefined) params.set(name, value);
  }
  return `${HTCDS_EXPORT_PATH}?${params}`;
}

/** ISO dates compare as text, so an inverted range shows before a request is made. */
export function datesInverted(form: Pick<ExportForm, 'openedFrom' | 'openedTo'>): boolean {
  return form.openedFrom !== '' && form.openedTo !== '' && form.openedFrom > form.openedTo;
}
