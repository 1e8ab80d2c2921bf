import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, startTestApp, type TestApp } from '../../../test/harness.js';
import { countStatements } from '../../../test/statementCount.js';

let t: TestApp;
let worker: ApiClient;
let caseId: string;
beforeAll(async () => {
  t = await startTestApp();
  worker = await t.login('th.socialworker');
  const created = await worker.post('/api/cases', {
    person: {
      givenName: 'Thida',
      familyName: 'Aung',
      gender: 'Feminine',
      birthDate: '2009-03-14',
      citizenship: ['MM'],
      documents: [{ documentType: 'passport', number: 'MM-448812', issuingCountry: 'MM' }],
      contacts: [{ kind: 'phone', value: '+66 81 555 0199' }],
    },
    intake: { channel: 'hotline_call', urgency: 'urgent', location: 'Mae Sai' },
  });
  caseId = created.body.id;
});
afterAll(() => t.close());

/**
 * The statements one request costs, session check, row-level security, reads and audit together:
 * the fewest of three requests, since the job runner's polling can fall inside one of them.
 * The transaction's start is two on either database: on PostgreSQL the rate limit, shared by
 * every server process, counts each request there (1), and the begin goes with the actor's
 * identity and role as one statement (1); PGlite counts the rate limit in memory and sends its
 * begin (1) and the actor's identity and role (1) apart.
 */
async function statementsOf(path: string): Promise<number> {
  const counts: number[] = [];
  for (let attempt = 0; attempt < 3; attempt += 1) {
    let status = 0;
    counts.push(
      await countStatements(t.database, async () => {
        status = (await worker.get(path)).status;
      }),
    );
    expect(status).toBe(200);
  }
  return Math.min(...counts);
}

describe('the case read path', () => {
  it('reads a case with its identity, audited, in few statements', async () => {
    const statements = await statementsOf(`/api/cases/${caseId}`);
    // The session (1); the transaction's start (2); the case with its identity section and
    // identification progress (1); the audit event (1); commit (1).
    expect(statements).toBe(6);
  });

  it('lists a filtered caseload page with its total, audited, in few statements', async () => {
    const statements = await statementsOf('/api/cases?page=1&pageSize=50&status=Active&sort=-updatedAt');
    // The session (1); the transaction's start (2); the page with its total (1); the audit
    // event (1); commit (1).
    expect(statements).toBe(6);
  });
});
