import { randomUUID } from 'node:crypto';
import { TZDate } from '@date-fns/tz';
import { type RecordSection, timeZoneOfCountry } from '@seamless/contracts';
import { addDays, format } from 'date-fns';
import { and, eq, inArray } from 'drizzle-orm';
import { meetingInstant } from '../commands/conveneMeeting.js';
import type { Tx } from '../db/client.js';
import {
  caseAccess,
  caseMeetingActions,
  caseMeetingAgencies,
  caseMeetingAttendees,
  caseMeetingDecisions,
  caseMeetingItemNotes,
  caseMeetingItems,
  caseMeetings,
  cases,
  caseTasks,
} from '../db/schema/index.js';
import type { DemoIds } from './demoIds.js';

type Item = { caseIndex: number; section?: RecordSection; purpose: string; notes?: string; decisions?: string[]; resolved?: boolean };

/**
 * Case management meetings in the demo (Thailand): Chiang Rai's monthly CMM held four weeks ago
 * (decisions, actions, attendance), its follow-up next week with the open matters carried over,
 * and the NGO's online CMM with the Myanmar side (a partner, not yet federated).
 */
export async function seedDemoMeetings(tx: Tx, ids: DemoIds) {
  if (ids.countryCode !== 'TH') return;
  const agency = (key: string) => ids.agencyIds.get(key)!;
  const user = (key: string) => ids.userIds.get(key)!;
  if (!ids.agencyIds.has('chiangrai') || !ids.agencyIds.has('ngo') || !ids.agencyIds.has('shelter')) return;
  const timeZone = timeZoneOfCountry('TH');
  const localDay = (days: number) => format(addDays(new TZDate(ids.now, timeZone), days), 'yyyy-MM-dd');
  const caseRows = await tx.select().from(cases).where(inArray(cases.id, ids.caseIds));
  const caseOf = (index: number) => caseRows.find((row) => row.id === ids.caseIds[index])!;

  const meeting = async (props: {
    convener: string;
    title: string;
    day: number;
    time: string;
    mode: 'in_person' | 'online' | 'hybrid';
    place?: string;
    onlineLink?: string;
    partner?: string;
    invited: string[];
    status: 'scheduled' | 'held';
    previous?: { id: string; seriesId: string };
  }) => {
    const id = randomUUID();
    await tx.insert(caseMeetings).values({
      id,
      conveningAgencyId: agency(props.convener),
      countryCode: 'TH',
      seriesId: props.previous?.seriesId ?? id,
      previousMeetingId: props.previous?.id ?? null,
      title: props.title,
      startsAt: meetingInstant(localDay(props.day), props.time, timeZone),
      timeZone,
      mode: props.mode,
      place: props.place ?? null,
      onlineLink: props.onlineLink ?? null,
      chairUserId: user(props.convener),
      partner: props.partner ?? null,
      status: props.status,
      createdBy: user(props.convener),
    });
    await tx.insert(caseMeetingAgencies).values(props.invited.map((key) => ({ meetingId: id, agencyId: agency(key) })));
    return { id, seriesId: props.previous?.seriesId ?? id };
  };

  const addItems = async (meetingId: string, addedBy: string, items: Item[], carriedFrom: string[] = []) => {
    const itemIds: string[] = [];
    for (const [position, item] of items.entries()) {
      const kase = caseOf(item.caseIndex);
      const [row] = await tx
        .insert(caseMeetingItems)
        .values({
          meetingId,
          caseId: kase.id,
          caseReference: kase.reference,
          caseAgencyId: kase.ownerAgencyId,
          section: item.section ?? 'general',
          position: position + 1,
          resolved: item.resolved ?? false,
          carriedFromItemId: carriedFrom[position] ?? null,
          addedByAgencyId: agency(addedBy),
        })
        .returning({ id: caseMeetingItems.id });
      itemIds.push(row!.id);
      await tx.insert(caseMeetingItemNotes).values({
        itemId: row!.id,
        meetingId,
        caseId: kase.id,
        purpose: item.purpose,
        notes: item.notes ?? null,
        recordedByAgencyId: kase.ownerAgencyId,
        updatedBy: user(addedBy),
      });
      for (const text of item.decisions ?? []) {
        await tx.insert(caseMeetingDecisions).values({
          itemId: row!.id,
          meetingId,
          caseId: kase.id,
          text,
          recordedBy: user(addedBy),
          recordedByAgencyId: agency(addedBy),
        });
      }
    }
    return itemIds;
  };

  const held = await meeting({
    convener: 'chiangrai',
    title: 'Chiang Rai provincial CMM — monthly case review',
    day: -28,
    time: '09:30',
    mode: 'in_person',
    place: 'PSDHS Chiang Rai, meeting room 2',
    invited: ['ngo', 'shelter', 'police'],
    status: 'held',
  });
  await tx.insert(caseMeetingAttendees).values([
    { meetingId: held.id, userId: user('chiangrai'), agencyId: agency('chiangrai'), role: 'chair', attendance: 'present' },
    { meetingId: held.id, userId: user('ngo'), agencyId: agency('ngo'), role: 'case manager', attendance: 'present' },
    { meetingId: held.id, userId: user('shelter'), agencyId: agency('shelter'), role: 'shelter social worker', attendance: 'present' },
    { meetingId: held.id, userId: user('police'), agencyId: agency('police'), role: 'inquiry officer', attendance: 'excused' },
    {
      meetingId: held.id,
      externalName: 'Ma Thin Thin Aye',
      organisation: 'Interpreter (Burmese)',
      role: 'interpreter',
      attendance: 'present',
    },
  ]);
  const heldItems = await addItems(held.id, 'chiangrai', [
    {
      caseIndex: 0,
      section: 'shelter',
      purpose: 'Shelter stay: extension past the reflection period and the plan for her return home',
      notes: 'She wants to complete the sewing course before going home. The shelter has room until the end of next month.',
      decisions: ['Extend the shelter stay by 30 days while the family assessment is done.'],
    },
    {
      caseIndex: 1,
      purpose: 'Vocational training place with the NGO',
      decisions: ['NGO enrols her in the hairdressing course starting next month.'],
      resolved: true,
    },
    { caseIndex: 5, purpose: 'Safety assessment before family reunification', notes: 'Broker still active in the home village.' },
  ]);
  const action = async (
    meetingId: string,
    itemId: string,
    caseIndex: number,
    text: string,
    owner: string,
    due: number,
    status: 'open' | 'done' | 'carried',
    carriedFrom?: { id: string; taskId: string | null },
  ) => {
    const kase = caseOf(caseIndex);
    const ownerSees =
      kase.ownerAgencyId === agency(owner) ||
      (
        await tx
          .select()
          .from(caseAccess)
          .where(and(eq(caseAccess.caseId, kase.id), eq(caseAccess.agencyId, agency(owner))))
      ).length > 0;
    const taskId =
      carriedFrom?.taskId ??
      (ownerSees
        ? ((
            await tx
              .insert(caseTasks)
              .values({
                caseId: kase.id,
                kind: 'meeting_action',
                title: text,
                dueOn: localDay(due),
                agencyId: agency(owner),
                createdBy: user('chiangrai'),
                doneAt: status === 'done' ? ids.now : null,
              })
              .returning({ id: caseTasks.id })
          )[0]?.id ?? null)
        : null);
    const [row] = await tx
      .insert(caseMeetingActions)
      .values({
        itemId,
        meetingId,
        caseId: kase.id,
        text,
        ownerAgencyId: agency(owner),
        ownerUserId: user(owner),
        dueOn: localDay(due),
        status,
        taskId,
        carriedFromActionId: carriedFrom?.id ?? null,
        createdBy: user('chiangrai'),
        createdByAgencyId: agency('chiangrai'),
      })
      .returning({ id: caseMeetingActions.id });
    return { id: row!.id, taskId };
  };
  const familyAssessment = await action(
    held.id,
    heldItems[0]!,
    0,
    'Family and home assessment in Mae Sai district',
    'chiangrai',
    3,
    'carried',
  );
  await action(held.id, heldItems[0]!, 0, 'Confirm the 30-day stay extension in writing', 'shelter', -21, 'done');
  // The NGO sees this case by pseudonym only: the work stays with Chiang Rai, who reads the case.
  await action(held.id, heldItems[1]!, 1, 'Confirm the hairdressing course start date with the NGO', 'chiangrai', -7, 'done');

  const next = await meeting({
    convener: 'chiangrai',
    title: 'Chiang Rai provincial CMM — monthly case review',
    day: 2,
    time: '09:30',
    mode: 'hybrid',
    place: 'PSDHS Chiang Rai, meeting room 2',
    onlineLink: 'https://meet.example.org/chiangrai-cmm',
    invited: ['ngo', 'shelter', 'police'],
    status: 'scheduled',
    previous: held,
  });
  // Invitations sent to people by account: the rest of the agencies' staff are offered on the page.
  await tx.insert(caseMeetingAttendees).values([
    { meetingId: next.id, userId: user('chiangrai'), agencyId: agency('chiangrai'), role: 'chair', attendance: 'invited' },
    { meetingId: next.id, userId: user('shelter'), agencyId: agency('shelter'), role: 'shelter social worker', attendance: 'invited' },
  ]);
  const nextItems = await addItems(
    next.id,
    'chiangrai',
    [
      { caseIndex: 0, section: 'shelter', purpose: 'Shelter stay: extension past the reflection period and the plan for her return home' },
      { caseIndex: 5, purpose: 'Safety assessment before family reunification' },
    ],
    [heldItems[0]!, heldItems[2]!],
  );
  await action(next.id, nextItems[0]!, 0, 'Family and home assessment in Mae Sai district', 'chiangrai', 3, 'open', familyAssessment);

  const online = await meeting({
    convener: 'ngo',
    title: 'Myanmar–Thailand CMM (online): reintegration follow-up',
    day: 9,
    time: '14:00',
    mode: 'online',
    onlineLink: 'https://meet.example.org/mm-th-cmm',
    partner: 'MM',
    invited: ['chiangrai'],
    status: 'scheduled',
  });
  await tx.insert(caseMeetingAttendees).values([
    { meetingId: online.id, userId: user('ngo'), agencyId: agency('ngo'), role: 'chair', attendance: 'invited' },
    {
      meetingId: online.id,
      externalName: 'Daw Khin Myo',
      organisation: 'Department of Social Welfare, Myawaddy',
      role: 'case manager',
      attendance: 'invited',
    },
  ]);
  await addItems(online.id, 'ngo', [{ caseIndex: 4, purpose: 'Report back on her return and the start-up kit delivered in Myawaddy' }]);
}
