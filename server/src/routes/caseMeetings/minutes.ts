import type { Locale, MeetingDetail } from '@seamless/contracts';
import type { FastifyReply } from 'fastify';
import { type AuditContext, recordAudit } from '../../audit/record.js';
import type { Tx } from '../../db/client.js';
import { renderMeetingMinutes } from '../../documents/meetingMinutes.js';

type MinutesProps = {
  tx: Tx;
  audit: AuditContext;
  detail: MeetingDetail;
  casesRead: string[];
  locale: Locale;
  readerName: string;
  readerAgency: string;
};

/** The reader's own minutes as a PDF download; the download and each case shown in it are audited. */
export async function sendMinutes(reply: FastifyReply, { tx, audit, detail, casesRead, locale, readerName, readerAgency }: MinutesProps) {
  const pdf = await renderMeetingMinutes({ meeting: detail, locale, readerName, readerAgency, generatedAt: new Date() });
  await recordAudit(tx, audit, {
    action: 'export.created',
    resourceType: 'case_meeting',
    resourceId: detail.id,
    details: { document: 'meeting_minutes', locale, caseIds: casesRead },
  });
  for (const caseId of casesRead) {
    await recordAudit(tx, audit, {
      action: 'case.read',
      resourceType: 'case',
      resourceId: caseId,
      details: { part: 'meeting_minutes', meetingId: detail.id },
    });
  }
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="minutes-${detail.date}.pdf"`)
    .header('cache-control', 'no-store')
    .send(pdf);
}
