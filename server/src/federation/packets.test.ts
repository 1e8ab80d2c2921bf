import { randomUUID } from 'node:crypto';
import { PACKET_VERSION } from '@seamless/contracts';
import { base64url, CompactEncrypt, CompactSign, importJWK, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateInstanceKeys, InstanceIdentity, KEY_WRAPPING, SIGNING_ALGORITHM } from './instanceIdentity.js';
import {
  type KnownPartner,
  openPacket,
  type PacketContent,
  PacketRejected,
  receiptKeyId,
  sealPacket,
  signReceipt,
  verifyReceipt,
} from './packets.js';

const encoder = new TextEncoder();

let thailand: InstanceIdentity;
let cambodia: InstanceIdentity;
let laos: InstanceIdentity;

beforeAll(async () => {
  thailand = await InstanceIdentity.fromKeys(await generateInstanceKeys(), { country: 'TH', name: 'Seamless Thailand' });
  cambodia = await InstanceIdentity.fromKeys(await generateInstanceKeys(), { country: 'KH', name: 'Seamless Cambodia' });
  laos = await InstanceIdentity.fromKeys(await generateInstanceKeys(), { country: 'LA', name: 'Seamless Laos' });
});

const keyIdOf = (identity: InstanceIdentity) => identity.fingerprint.replace(/ /g, '').toLowerCase();

/** An instance as its partner has registered it. */
const asPartner = (identity: InstanceIdentity, status: KnownPartner['status'] = 'active'): KnownPartner => ({
  id: randomUUID(),
  instanceId: identity.instanceId,
  status,
  signingKey: identity.signingKey,
  encryptionKey: identity.encryptionKey,
});

/** Cambodia's partner register: it trusts Thailand only, in the given status. */
const cambodiaKnows =
  (status: KnownPartner['status'] = 'active') =>
  async (keyId: string) =>
    keyId === keyIdOf(thailand) ? asPartner(thailand, status) : null;

const packetFromThailand = (overrides: Partial<PacketContent> = {}): PacketContent => {
  const now = Date.now();
  return {
    id: randomUUID(),
    kind: 'repatriation_request',
    version: PACKET_VERSION,
    from: thailand.instanceId,
    to: cambodia.instanceId,
    issuedAt: new Date(now).toISOString(),
    expiresAt: new Date(now + 86_400_000).toISOString(),
    thread: randomUUID(),
    sequence: 1,
    consent: null,
    body: { caseReference: 'TH-2026-000123' },
    ...overrides,
  };
};

/** Seals a hand-made inner JWS for Cambodia, the way a forger who knows Cambodia's public key could. */
async function encryptForCambodia(innerJws: string) {
  const key = await importJWK(cambodia.encryptionKey as JWK, KEY_WRAPPING);
  return new CompactEncrypt(encoder.encode(innerJws))
    .setProtectedHeader({ alg: KEY_WRAPPING, enc: 'A256GCM', cty: 'JWS', typ: 'seamless-packet', kid: cambodia.instanceId })
    .encrypt(key);
}

const signedBy = (identity: InstanceIdentity, payload: unknown, typ = 'seamless-packet', kid = keyIdOf(identity)) =>
  new CompactSign(encoder.encode(typeof payload === 'string' ? payload : JSON.stringify(payload)))
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, typ, kid })
    .sign(identity.signer);

/** The reason Cambodia turns the text away, or 'opened' when it accepts it. */
async function verdict(sealed: unknown, known = cambodiaKnows(), now?: Date) {
  try {
    await openPacket(cambodia, sealed as string, known, now);
    return 'opened';
  } catch (error) {
    if (error instanceof PacketRejected) return error.reason;
    throw error;
  }
}

describe('sealed packets', () => {
  it('opens for the instance it was sealed for, with the content and sender intact', async () => {
    const content = packetFromThailand();
    const sealed = await sealPacket(thailand, asPartner(cambodia), content);
    expect(sealed.split('.')).toHaveLength(5);
    expect(sealed).not.toContain('TH-2026-000123');
    const opened = await openPacket(cambodia, sealed, cambodiaKnows());
    expect(opened.content).toEqual(content);
    expect(opened.partner.instanceId).toBe(thailand.instanceId);
  });

  it('rejects a packet whose ciphertext was tampered with as undecryptable', async () => {
    const sealed = await sealPacket(thailand, asPartner(cambodia), packetFromThailand());
    const parts = sealed.split('.');
    const ciphertext = base64url.decode(parts[3]!);
    ciphertext[0]! ^= 1;
    parts[3] = base64url.encode(ciphertext);
    expect(await verdict(parts.join('.'))).toBe('undecryptable');
  });

  it('rejects a packet sealed for another instance as undecryptable', async () => {
    const sealed = await sealPacket(thailand, asPartner(laos), packetFromThailand());
    expect(await verdict(sealed)).toBe('undecryptable');
  });

  it('rejects an unsigned packet (alg none, or an empty signature) as bad_signature', async () => {
    const payload = base64url.encode(JSON.stringify(packetFromThailand()));
    const header = (alg: string) => base64url.encode(JSON.stringify({ alg, typ: 'seamless-packet', kid: keyIdOf(thailand) }));
    expect(await verdict(await encryptForCambodia(`${header('none')}.${payload}.`))).toBe('bad_signature');
    expect(await verdict(await encryptForCambodia(`${header(SIGNING_ALGORITHM)}.${payload}.`))).toBe('bad_signature');
  });

  it('rejects a packet signed by another key while naming the partner as bad_signature', async () => {
    const forged = await signedBy(laos, packetFromThailand(), 'seamless-packet', keyIdOf(thailand));
    expect(await verdict(await encryptForCambodia(forged))).toBe('bad_signature');
  });

  it('rejects a signed receipt passed off as a packet as bad_signature', async () => {
    const receiptTyped = await signedBy(thailand, packetFromThailand(), 'seamless-receipt');
    expect(await verdict(await encryptForCambodia(receiptTyped))).toBe('bad_signature');
  });

  it('rejects a packet signed by a key no partner holds as unknown_sender', async () => {
    const sealed = await sealPacket(laos, asPartner(cambodia), packetFromThailand({ from: laos.instanceId }));
    expect(await verdict(sealed)).toBe('unknown_sender');
  });

  it('rejects a key id that is not a fingerprint as unknown_sender without looking it up, and a sequence past 2³¹ as malformed', async () => {
    let lookedUp = false;
    const known = async (keyId: string) => {
      lookedUp = true;
      return cambodiaKnows()(keyId);
    };
    const oddKid = await signedBy(thailand, packetFromThailand(), 'seamless-packet', 'ab\u0000cd');
    expect(await verdict(await encryptForCambodia(oddKid), known)).toBe('unknown_sender');
    expect(lookedUp).toBe(false);
    const farSequence = await sealPacket(thailand, asPartner(cambodia), packetFromThailand({ sequence: 2 ** 31 }));
    expect(await verdict(farSequence)).toBe('malformed');
  });

  it('rejects a packet whose `from` names another instance than its signer as unknown_sender', async () => {
    const sealed = await sealPacket(thailand, asPartner(cambodia), packetFromThailand({ from: laos.instanceId }));
    expect(await verdict(sealed)).toBe('unknown_sender');
  });

  it('rejects packets of a revoked or suspended partner, whoever signed them', async () => {
    const sealed = await sealPacket(thailand, asPartner(cambodia), packetFromThailand());
    expect(await verdict(sealed, cambodiaKnows('revoked'))).toBe('partner_revoked');
    expect(await verdict(sealed, cambodiaKnows('suspended'))).toBe('partner_suspended');
    const rejected = await openPacket(cambodia, sealed, cambodiaKnows('revoked')).catch((error: PacketRejected) => error);
    expect((rejected as PacketRejected).partnerId).toEqual(expect.any(String));
  });

  it('rejects a packet whose `to` names another instance as wrong_recipient', async () => {
    const sealed = await sealPacket(thailand, asPartner(cambodia), packetFromThailand({ to: laos.instanceId }));
    expect(await verdict(sealed)).toBe('wrong_recipient');
  });

  it('rejects an expired packet as expired, naming its id', async () => {
    const content = packetFromThailand({
      issuedAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
      expiresAt: new Date(Date.now() - 60_000).toISOString(),
    });
    const sealed = await sealPacket(thailand, asPartner(cambodia), content);
    expect(await verdict(sealed)).toBe('expired');
    const rejected = (await openPacket(cambodia, sealed, cambodiaKnows()).catch((error) => error)) as PacketRejected;
    expect(rejected.packetId).toBe(content.id);
    // A packet still valid now is expired for a receiver whose clock is past its end.
    const fresh = await sealPacket(thailand, asPartner(cambodia), packetFromThailand());
    expect(await verdict(fresh, cambodiaKnows(), new Date(Date.now() + 2 * 86_400_000))).toBe('expired');
  });

  it('rejects a packet of another version as unsupported_version', async () => {
    const sealed = await sealPacket(thailand, asPartner(cambodia), packetFromThailand({ version: PACKET_VERSION + 1 }));
    expect(await verdict(sealed)).toBe('unsupported_version');
  });

  it('rejects text that is not a sealed packet, or signed content that is not a packet, as malformed', async () => {
    expect(await verdict('not a packet')).toBe('malformed');
    expect(await verdict('')).toBe('malformed');
    expect(await verdict(undefined)).toBe('malformed');
    expect(await verdict({ packet: 'x' })).toBe('malformed');
    expect(await verdict(await signedBy(thailand, packetFromThailand()))).toBe('malformed');
    const { kind: _kind, ...withoutKind } = packetFromThailand();
    expect(await verdict(await encryptForCambodia(await signedBy(thailand, withoutKind)))).toBe('malformed');
    expect(await verdict(await encryptForCambodia(await signedBy(thailand, 'not json')))).toBe('malformed');
  });
});

describe('receipts', () => {
  it("counts the partner's receipt for us, with its outcome", async () => {
    const packetId = randomUUID();
    const signed = await signReceipt(cambodia, asPartner(thailand), packetId, 'held', null);
    expect(receiptKeyId(signed)).toBe(keyIdOf(cambodia));
    const receipt = await verifyReceipt(thailand, asPartner(cambodia), signed);
    expect(receipt).toMatchObject({ packetId, from: cambodia.instanceId, to: thailand.instanceId, outcome: 'held', refusal: null });
    const refused = await verifyReceipt(
      thailand,
      asPartner(cambodia),
      await signReceipt(cambodia, asPartner(thailand), packetId, 'refused', 'consent_withdrawn'),
    );
    expect(refused).toMatchObject({ outcome: 'refused', refusal: 'consent_withdrawn' });
  });

  it('refuses a receipt signed by another key', async () => {
    const byLaos = await signReceipt(laos, asPartner(thailand), randomUUID(), 'applied', null);
    expect(await verifyReceipt(thailand, asPartner(cambodia), byLaos)).toBeNull();
    // Laos signing a receipt that claims to come from Cambodia, under Cambodia's key id.
    const claimed = await signedBy(
      laos,
      {
        packetId: randomUUID(),
        from: cambodia.instanceId,
        to: thailand.instanceId,
        outcome: 'applied',
        refusal: null,
        at: new Date().toISOString(),
      },
      'seamless-receipt',
      keyIdOf(cambodia),
    );
    expect(await verifyReceipt(thailand, asPartner(cambodia), claimed)).toBeNull();
  });

  it('refuses a receipt addressed to another instance', async () => {
    const forLaos = await signReceipt(cambodia, asPartner(laos), randomUUID(), 'applied', null);
    expect(await verifyReceipt(thailand, asPartner(cambodia), forLaos)).toBeNull();
  });

  it('refuses a tampered receipt, a packet signature passed off as a receipt, and garbage', async () => {
    const signed = await signReceipt(cambodia, asPartner(thailand), randomUUID(), 'refused', 'out_of_step');
    const [header, payload, signature] = signed.split('.');
    const altered = base64url.encode(
      JSON.stringify({ ...JSON.parse(new TextDecoder().decode(base64url.decode(payload!))), outcome: 'applied', refusal: null }),
    );
    expect(await verifyReceipt(thailand, asPartner(cambodia), `${header}.${altered}.${signature}`)).toBeNull();
    const packetTyped = await signedBy(cambodia, {
      packetId: randomUUID(),
      from: cambodia.instanceId,
      to: thailand.instanceId,
      outcome: 'applied',
      refusal: null,
      at: new Date().toISOString(),
    });
    expect(await verifyReceipt(thailand, asPartner(cambodia), packetTyped)).toBeNull();
    expect(await verifyReceipt(thailand, asPartner(cambodia), 'garbage')).toBeNull();
    expect(receiptKeyId('garbage')).toBeNull();
  });
});

describe('after a key rotation', () => {
  it('opens what was sealed for the retired key, keeps the instance id, and takes receipts under the new key only', async () => {
    const rotating = await InstanceIdentity.fromKeys(await generateInstanceKeys(), { country: 'KH', name: 'Seamless Cambodia' });
    const before = { instanceId: rotating.instanceId, fingerprint: rotating.fingerprint, partner: asPartner(rotating) };
    const forOldKey = await sealPacket(thailand, before.partner, { ...packetFromThailand(), to: rotating.instanceId });
    const oldReceipt = await signReceipt(rotating, asPartner(thailand), randomUUID(), 'applied', null);

    await rotating.adopt(await rotating.rotatedKeys(new Date(), 14));
    expect(rotating.instanceId).toBe(before.instanceId);
    expect(rotating.fingerprint).not.toBe(before.fingerprint);
    const opened = await openPacket(rotating, forOldKey, cambodiaKnows());
    expect(opened.content.to).toBe(before.instanceId);

    // Receipts count only under the current key: a retired key cannot settle anything.
    const newReceipt = await signReceipt(rotating, asPartner(thailand), randomUUID(), 'applied', null);
    expect(await verifyReceipt(thailand, asPartner(rotating), newReceipt)).not.toBeNull();
    expect(await verifyReceipt(thailand, asPartner(rotating), oldReceipt)).toBeNull();
    expect(await verifyReceipt(thailand, { ...before.partner, retiredKeyInFlight: [] }, oldReceipt)).toBeNull();
  });

  it('forgets retired keys once no packet sealed for them can still be valid', async () => {
    const rotating = await InstanceIdentity.fromKeys(await generateInstanceKeys(), { country: 'KH', name: 'Seamless Cambodia' });
    const first = await rotating.rotatedKeys(new Date('2026-01-01T00:00:00Z'), 14);
    await rotating.adopt(first);
    const second = await rotating.rotatedKeys(new Date('2026-01-10T00:00:00Z'), 14);
    expect(second.previous).toHaveLength(2);
    await rotating.adopt(second);
    const third = await rotating.rotatedKeys(new Date('2026-02-01T00:00:00Z'), 14);
    expect(third.previous?.map((old) => old.retiredAt)).toEqual(['2026-02-01T00:00:00.000Z']);
    expect(third.instanceId).toBe(rotating.instanceId);
  });
});
