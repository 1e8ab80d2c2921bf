import { randomUUID } from 'node:crypto';
import type { RecordSection } from '@seamless/contracts';
import { expect } from 'vitest';
import type { ApiClient, ApiResponse } from '../../../test/harness.js';
import { CHIANGRAI_ONLY, expectStatus, ok, type RouteMatrix, type TenancyContext, UNKNOWN_ID } from '../../../test/tenancy.js';
import { asSystem } from '../../db/actorContext.js';
import { placeOf } from '../../db/cipherPlace.js';
import { attachments } from '../../db/schema/index.js';

const PDF = { name: 'statement.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.7\n%%EOF\n') };
const ids = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);

/**
 * Trafficking events, perpetrators, comments, attachments and the timeline of a case: visible to
 * the agencies involved in it (and within it, need-to-know sections only to those who read them),
 * changed by the owner — or, for comments and files, by the agencies working on it.
 */
export function caseRecordPartsMatrix(c: TenancyContext): RouteMatrix {
  const chiangraiOnly = () => CHIANGRAI_ONLY.map((i) => c.caseOf[i]!);
  /** Person 0's case: Chiang Rai's, shared with the shelter (identity, shelter). */
  const shared = () => c.caseOf[0]!;
  /** Person 4's case: the NGO's own. */
  const ngoOwn = () => c.caseOf[4]!;

  /** Attachment rows as an upload leaves them (this instance's store directory is not writable in the matrix run). */
  async function plantAttachment(section: RecordSection) {
    const id = randomUUID();
    const [row] = await asSystem(c.t.database.db, (tx) =>
      tx
        .insert(attachments)
        .values({
          id,
          caseId: shared(),
          section,
          fileNameEnc: c.t.keyRing.encrypt(`${section}-evidence.pdf`, placeOf(attachments.fileNameEnc, id)),
          mediaType: 'application/pdf',
          sizeBytes: 15,
          sha256: 'a'.repeat(64),
          uploadedBy: c.userIds['th.socialworker']!,
          uploadedByAgencyId: c.agency.chiangrai,
        })
        .returning({ id: attachments.id }),
    );
    return row!.id;
  }

  async function refusedEverywhere(request: (client: ApiClient, caseId: string) => Promise<ApiResponse>) {
    for (const id of chiangraiOnly()) {
      expectStatus(await request(c.ngo, id), 404, 'not_found');
      expectStatus(await request(c.police, id), 404, 'not_found');
    }
    expectStatus(await request(c.data, shared()), 403, 'forbidden');
    expectStatus(await request(c.agencyadmin, shared()), 403, 'forbidden');
  }

  return {
    'GET /api/cases/:id/events': {
      why: "another agency's trafficking events answer 404; a sharing agency reads them",
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/events` },
      probe: async () => {
        const event = expectStatus(
          await c.socialworker.post(`/api/cases/${shared()}/events`, { eventType: 'Transit', place: 'Mae Sai' }),
          201,
        );
        await refusedEverywhere((client, id) => client.get(`/api/cases/${id}/events`));
        expect(ids(await ok(c.shelter.get(`/api/cases/${shared()}/events`)))).toContain(event.id);
        expect(ids(await ok(c.ngo.get(`/api/cases/${ngoOwn()}/events`)))).not.toContain(event.id);
      },
    },
    'POST /api/cases/:id/events': {
      why: 'only the owner agency records trafficking events; sharing agencies and other roles are refused and nothing is added',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/events`, body: { eventType: 'Transit' } },
      probe: async () => {
        const before = await ok(c.socialworker.get(`/api/cases/${shared()}/events`));
        const body = { eventType: 'Exploitation', place: 'planted' };
        await refusedEverywhere((client, id) => client.post(`/api/cases/${id}/events`, body));
        expectStatus(await c.shelter.post(`/api/cases/${shared()}/events`, body), 403, 'forbidden');
        expectStatus(await c.psychologist.post(`/api/cases/${shared()}/events`, body), 403, 'forbidden');
        expect(await ok(c.socialworker.get(`/api/cases/${shared()}/events`))).toEqual(before);
      },
    },
    'DELETE /api/cases/:id/events/:eventId': {
      why: "only the owner agency removes an event, and only through its own case's address",
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/events/${UNKNOWN_ID}` },
      probe: async () => {
        const event = expectStatus(await c.socialworker.post(`/api/cases/${shared()}/events`, { eventType: 'Recruitment' }), 201);
        await refusedEverywhere((client, id) => client.delete(`/api/cases/${id}/events/${event.id}`));
        expectStatus(await c.ngo.delete(`/api/cases/${ngoOwn()}/events/${event.id}`), 404, 'not_found');
        expectStatus(await c.shelter.delete(`/api/cases/${shared()}/events/${event.id}`), 403, 'forbidden');
        expect(ids(await ok(c.socialworker.get(`/api/cases/${shared()}/events`)))).toContain(event.id);
      },
    },
    'GET /api/cases/:id/perpetrators': {
      why: "another agency's perpetrators answer 404; a sharing agency without the legal section never sees their names",
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/perpetrators` },
      probe: async () => {
        const perpetrator = expectStatus(
          await c.socialworker.post(`/api/cases/${shared()}/perpetrators`, { roles: ['Transporter'], name: 'Tenancy Trafficker' }),
          201,
        );
        await refusedEverywhere((client, id) => client.get(`/api/cases/${id}/perpetrators`));
        const seen = await ok(c.shelter.get(`/api/cases/${shared()}/perpetrators`));
        expect(ids(seen)).toContain(perpetrator.id);
        expect(JSON.stringify(seen)).not.toContain('Tenancy Trafficker');
        expect(JSON.stringify(await ok(c.ngo.get(`/api/cases/${ngoOwn()}/perpetrators`)))).not.toContain(perpetrator.id);
      },
    },
    'POST /api/cases/:id/perpetrators': {
      why: 'only the owner agency records perpetrators',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/perpetrators`, body: { roles: ['Abuser'] } },
      probe: async () => {
        const before = await ok(c.socialworker.get(`/api/cases/${shared()}/perpetrators`));
        const body = { roles: ['Abuser'], name: 'Planted' };
        await refusedEverywhere((client, id) => client.post(`/api/cases/${id}/perpetrators`, body));
        expectStatus(await c.shelter.post(`/api/cases/${shared()}/perpetrators`, body), 403, 'forbidden');
        expect(await ok(c.socialworker.get(`/api/cases/${shared()}/perpetrators`))).toEqual(before);
      },
    },
    'DELETE /api/cases/:id/perpetrators/:perpetratorId': {
      why: "only the owner agency removes a perpetrator, and only through its own case's address",
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/perpetrators/${UNKNOWN_ID}` },
      probe: async () => {
        const perpetrator = expectStatus(await c.socialworker.post(`/api/cases/${shared()}/perpetrators`, { roles: ['Smuggler'] }), 201);
        await refusedEverywhere((client, id) => client.delete(`/api/cases/${id}/perpetrators/${perpetrator.id}`));
        expectStatus(await c.ngo.delete(`/api/cases/${ngoOwn()}/perpetrators/${perpetrator.id}`), 404, 'not_found');
        expectStatus(await c.shelter.delete(`/api/cases/${shared()}/perpetrators/${perpetrator.id}`), 403, 'forbidden');
        expect(ids(await ok(c.socialworker.get(`/api/cases/${shared()}/perpetrators`)))).toContain(perpetrator.id);
      },
    },
    'GET /api/cases/:id/comments': {
      why: "another agency's comments answer 404; within a shared case, only the sections the caller reads",
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/comments` },
      probe: async () => {
        const general = expectStatus(await c.socialworker.post(`/api/cases/${shared()}/comments`, { body: 'tenancy general note' }), 201);
        const family = expectStatus(
          await c.socialworker.post(`/api/cases/${shared()}/comments`, { section: 'family', body: 'tenancy family note' }),
          201,
        );
        await refusedEverywhere((client, id) => client.get(`/api/cases/${id}/comments`));
        // The shelter was not given the family section.
        const seen = await ok(c.shelter.get(`/api/cases/${shared()}/comments?pageSize=200`));
        expect(ids(seen)).toContain(general.id);
        expect(ids(seen)).not.toContain(family.id);
        expect(JSON.stringify(seen)).not.toContain('tenancy family note');
        expect(JSON.stringify(await ok(c.ngo.get(`/api/cases/${ngoOwn()}/comments?pageSize=200`)))).not.toContain('tenancy');
      },
    },
    'POST /api/cases/:id/comments': {
      why: 'agencies working on the case comment, each only in sections it reads; others are refused and nothing is added',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/comments`, body: { body: 'x' } },
      probe: async () => {
        const before = await ok(c.socialworker.get(`/api/cases/${shared()}/comments?pageSize=200`));
        await refusedEverywhere((client, id) => client.post(`/api/cases/${id}/comments`, { body: 'planted' }));
        expectStatus(
          await c.psychologist.post(`/api/cases/${shared()}/comments`, { section: 'identity', body: 'planted' }),
          403,
          'forbidden',
        );
        expectStatus(await c.shelter.post(`/api/cases/${shared()}/comments`, { section: 'family', body: 'planted' }), 403, 'forbidden');
        expect(await ok(c.socialworker.get(`/api/cases/${shared()}/comments?pageSize=200`))).toEqual(before);
      },
    },
    'GET /api/cases/:id/attachments': {
      why: "another agency's files answer 404; within a shared case, only files in sections the caller reads",
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/attachments` },
      probe: async () => {
        const general = await plantAttachment('general');
        const shelterOnly = await plantAttachment('shelter');
        await refusedEverywhere((client, id) => client.get(`/api/cases/${id}/attachments`));
        expect(ids(await ok(c.shelter.get(`/api/cases/${shared()}/attachments`)))).toEqual(expect.arrayContaining([general, shelterOnly]));
        const psych = ids(await ok(c.psychologist.get(`/api/cases/${shared()}/attachments`)));
        expect(psych).toContain(general);
        expect(psych).not.toContain(shelterOnly);
        expect(ids(await ok(c.ngo.get(`/api/cases/${ngoOwn()}/attachments`)))).not.toContain(general);
      },
    },
    'POST /api/cases/:id/attachments': {
      why: 'agencies working on the case upload, each only into sections it reads; refused uploads store nothing',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/attachments`, body: {} },
      probe: async () => {
        const before = await ok(c.socialworker.get(`/api/cases/${shared()}/attachments`));
        await refusedEverywhere((client, id) => client.upload(`/api/cases/${id}/attachments`, PDF, { section: 'general' }));
        expectStatus(await c.psychologist.upload(`/api/cases/${shared()}/attachments`, PDF, { section: 'shelter' }), 403, 'forbidden');
        expectStatus(await c.shelter.upload(`/api/cases/${shared()}/attachments`, PDF, { section: 'family' }), 403, 'forbidden');
        expect(await ok(c.socialworker.get(`/api/cases/${shared()}/attachments`))).toEqual(before);
      },
    },
    'GET /api/cases/:id/attachments/:attachmentId': {
      why: "another agency's file answers 404, also through the caller's own case address; a file in an unread section is 404 too",
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/attachments/${UNKNOWN_ID}` },
      probe: async () => {
        const general = await plantAttachment('general');
        const shelterOnly = await plantAttachment('shelter');
        await refusedEverywhere((client, id) => client.download(`/api/cases/${id}/attachments/${general}`).then(asProblem));
        expectStatus(asProblem(await c.ngo.download(`/api/cases/${ngoOwn()}/attachments/${general}`)), 404, 'not_found');
        expectStatus(asProblem(await c.psychologist.download(`/api/cases/${shared()}/attachments/${shelterOnly}`)), 404, 'not_found');
      },
    },
    'GET /api/cases/:id/timeline': {
      why: "another agency's timeline answers 404; entries about a section only for those who read it; sharing and consent entries naming another agency only for the owner",
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/timeline` },
      probe: async () => {
        expectStatus(
          await c.socialworker.post(`/api/cases/${shared()}/comments`, { section: 'family', body: 'timeline family note' }),
          201,
        );
        await refusedEverywhere((client, id) => client.get(`/api/cases/${id}/timeline`));
        const owner = await ok(c.socialworker.get(`/api/cases/${shared()}/timeline?pageSize=200`));
        expect(owner.items.some((entry: { section: string | null }) => entry.section === 'family')).toBe(true);
        // A partner reads the sharing and consent entries about its own grant, none naming another agency.
        type Named = { section: string | null; details: { agencyId?: string; agencyIds?: string[]; revokedAgencyIds?: string[] } };
        const named = (items: Named[]) =>
          items.flatMap((entry) =>
            [entry.details.agencyId ?? [], entry.details.agencyIds ?? [], entry.details.revokedAgencyIds ?? []].flat(),
          );
        for (const partner of [c.shelter, c.psychologist]) {
          const seen = await ok(partner.get(`/api/cases/${shared()}/timeline?pageSize=200`));
          expect(seen.items.some((entry: Named) => entry.section === 'family')).toBe(false);
          expect(named(seen.items).every((agencyId) => agencyId === c.agency.shelter)).toBe(true);
        }
        const bare = await ok(c.ngo.get(`/api/cases/${c.caseOf[1]}/timeline?pageSize=200`));
        expect(bare.items.every((entry: Named) => entry.section === null)).toBe(true);
        expect(named(bare.items).every((agencyId) => agencyId === c.agency.ngo)).toBe(true);
      },
    },
  };
}

/** A download's answer read as the problem document it is when refused. */
function asProblem(response: { status: number; bytes: Buffer; headers: Headers }): ApiResponse {
  return { status: response.status, headers: response.headers, body: JSON.parse(response.bytes.toString('utf8') || 'null') };
}
