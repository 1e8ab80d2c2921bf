import type { Locale, MeetingDetail } from '@seamless/contracts';
import type { TextStyle } from './fonts.js';
import { MINUTES_TEXT, type MinutesText } from './meetingMinutesText.js';
import { INTL_LOCALE, openPdf } from './pdfDocument.js';
import { PdfFlow } from './pdfFlow.js';

/** One reader's minutes: the meeting exactly as that reader sees it on screen, nothing more. */
export type MeetingMinutes = {
  meeting: MeetingDetail;
  locale: Locale;
  readerName: string;
  readerAgency: string;
  generatedAt: Date;
};

const MARGIN = 50;
const COLOURS = { navy: '#1d3557', text: '#1f2933', label: '#52606d', muted: '#7b8794' };

const STYLES = {
  title: { size: 16, weight: 700, color: COLOURS.navy },
  heading: { size: 11.5, weight: 700, color: COLOURS.navy },
  item: { size: 10.5, weight: 700, color: COLOURS.text },
  label: { size: 9, weight: 700, color: COLOURS.label },
  body: { size: 9.5, color: COLOURS.text },
  note: { size: 8.5, color: COLOURS.muted },
} satisfies Record<string, TextStyle>;

const interpolate = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

function formatWhen(startsAt: string, timeZone: string, locale: Locale) {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(startsAt));
}

function formatDay(isoDay: string, locale: Locale) {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDay}T00:00:00Z`));
}

function header(flow: PdfFlow, m: MeetingMinutes, s: MinutesText) {
  const { meeting, locale } = m;
  flow.paragraph(s.title, STYLES.title, 0, 2);
  flow.paragraph(meeting.title, STYLES.heading, 0, 4);
  flow.rule(COLOURS.navy);
  const place = [s.modes[meeting.mode], meeting.place, meeting.onlineLink ? `${s.online}: ${meeting.onlineLink}` : null]
    .filter(Boolean)
    .join(' · ');
  const rows: [string, string][] = [
    [s.when, `${formatWhen(meeting.startsAt, meeting.timeZone, locale)} (${meeting.timeZone}) · ${s.statuses[meeting.status]}`],
    [s.place, place],
    [s.convenedBy, meeting.conveningAgency.name],
    ...(meeting.chair ? [[s.chair, meeting.chair.name] as [string, string]] : []),
    [s.invited, meeting.invitedAgencies.map((agency) => agency.name).join(', ') || s.none],
    ...(meeting.partner ? [[s.partner, meeting.partner] as [string, string]] : []),
  ];
  for (const [label, value] of rows) {
    flow.paragraph(label, STYLES.label, 0, 0);
    flow.paragraph(value, STYLES.body, 12, 3);
  }
}

function attendance(flow: PdfFlow, m: MeetingMinutes, s: MinutesText) {
  flow.space(6);
  flow.paragraph(s.attendance, STYLES.heading, 0, 2);
  flow.rule(COLOURS.navy);
  if (!m.meeting.attendees.length) flow.paragraph(s.none, STYLES.body);
  for (const person of m.meeting.attendees) {
    const where = [person.agency?.name ?? person.organisation, person.role].filter(Boolean).join(', ');
    flow.paragraph(`${person.name}${where ? ` (${where})` : ''} — ${s.attendanceValues[person.attendance]}`, STYLES.body, 0, 1);
  }
}

function agenda(flow: PdfFlow, m: MeetingMinutes, s: MinutesText) {
  flow.space(6);
  flow.paragraph(s.agenda, STYLES.heading, 0, 2);
  flow.rule(COLOURS.navy);
  if (!m.meeting.agenda.length) flow.paragraph(s.none, STYLES.body);
  for (const item of m.meeting.agenda) {
    const heading =
      item.access === 'case'
        ? `${item.caseReference} — ${item.displayName ?? ''} · ${s.caseStatuses[item.caseStatus ?? 'Active']}`
        : s.restricted;
    flow.paragraph(`${item.position}. ${heading}`, STYLES.item, 0, 1);
    flow.paragraph(
      [item.resolved ? s.resolved : s.open, item.carriedFromItemId ? s.carried : null].filter(Boolean).join(' · '),
      STYLES.note,
      14,
      2,
    );
    if (item.textRestricted) flow.paragraph(s.textRestricted, STYLES.note, 14, 2);
    if (item.purpose) {
      flow.paragraph(s.purpose, STYLES.label, 14, 0);
      flow.paragraph(item.purpose, STYLES.body, 24);
    }
    if (item.notes) {
      flow.paragraph(s.notes, STYLES.label, 14, 0);
      flow.paragraph(item.notes, STYLES.body, 24);
    }
    if (item.access === 'case') {
      flow.paragraph(s.decisions, STYLES.label, 14, 0);
      if (!item.decisions.length) flow.paragraph(s.none, STYLES.body, 24);
      for (const decision of item.decisions) flow.paragraph(`• ${decision.text}`, STYLES.body, 24, 1);
    }
    if (item.actions.length) {
      flow.paragraph(s.actions, STYLES.label, 14, 0);
      for (const action of item.actions) {
        const owner = [action.ownerAgency.name, action.ownerUserName].filter(Boolean).join(', ');
        flow.paragraph(
          `• ${action.text ?? s.actionWithheld} — ${owner}; ${s.due} ${formatDay(action.dueOn, m.locale)}; ${s.actionStatuses[action.status]}`,
          STYLES.body,
          24,
          1,
        );
      }
    }
    flow.space(6);
  }
}

/** Renders the minutes as an A4 PDF in the chosen language, every script in its Noto face. */
export async function renderMeetingMinutes(minutes: MeetingMinutes): Promise<Buffer> {
  const s = MINUTES_TEXT[minutes.locale];
  const { doc, bytes } = openPdf(minutes.locale, {
    title: `${s.title} — ${minutes.meeting.title}`,
    author: minutes.meeting.conveningAgency.name,
    createdAt: minutes.generatedAt,
  });
  const flow = new PdfFlow(doc, minutes.locale, { margin: MARGIN });
  header(flow, minutes, s);
  attendance(flow, minutes, s);
  agenda(flow, minutes, s);
  flow.space(8);
  const today = new Intl.DateTimeFormat(INTL_LOCALE[minutes.locale], { dateStyle: 'long', timeZone: minutes.meeting.timeZone }).format(
    minutes.generatedAt,
  );
  flow.paragraph(interpolate(s.readerNote, { reader: minutes.readerName, agency: minutes.readerAgency, date: today }), STYLES.note);
  doc.end();
  return bytes;
}
