// The coding write-back against the sandbox EHR (real HTTP, SMART token, its own conditional-create and transaction
// code): saved once however often it is saved, Provenance present, retried through injected faults.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle, Provenance } from 'fhir/r4';
import type { Sandbox } from '../../launch/sandbox/server';
import { login, startTiny, PATIENT } from '../sandbox/helpers';
import { fetchWriter } from '../../src/writeback/fetch-writer';
import { writeAll } from '../../src/writeback/write';
import { buildCodingWrites } from '../../src/writeback/coding-suggestion';
import type { FhirWriter } from '../../src/writeback/writer';
import { suggestCoding } from '../../src/policy/coding/suggest';
import { dx, picture, svc } from '../policy/coding/build';

const SCOPE =
  'launch openid fhirUser online_access patient/Patient.rs patient/Claim.crs patient/DocumentReference.crs patient/Provenance.crs';
const agent = { app: 'ClaimReady', user: 'Practitioner/prac1' };
const quick = { sleep: async () => undefined, attempts: 6 };

function suggestion(units: number) {
  const tf = svc('64483', {
    kind: 'esi-transforaminal',
    region: 'lumbar',
    levels: units === 1 ? ['L5-S1'] : ['L4-L5', 'L5-S1'],
    laterality: 'left',
    reasonIcd10: ['M54.16'],
  });
  return suggestCoding(picture({ diagnoses: [dx('M54.16')] }), [tf], { today: '2026-11-23' });
}

/** Count what ClaimReady wrote (its own-output tag) by search; the faulty sandbox may fail a read too, so read until it answers. */
async function count(sb: Sandbox, token: string, type: string): Promise<number> {
  for (let i = 0; i < 20; i++) {
    const res = await fetch(
      `${sb.fhirBase}/${type}?patient=${PATIENT}&_tag=https://claimready.app/fhir/CodeSystem/origin|claimready&_summary=count`,
      { headers: { Authorization: `Bearer ${token}`, Accept: 'application/fhir+json' } },
    );
    if (res.ok) return ((await res.json()) as Bundle).total ?? 0;
  }
  throw new Error(`${type} count never answered`);
}

async function provenances(sb: Sandbox, token: string): Promise<Provenance[]> {
  const res = await fetch(`${sb.fhirBase}/Provenance?_count=100`, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/fhir+json' },
  });
  return (((await res.json()) as Bundle).entry ?? []).map((e) => e.resource as Provenance);
}

describe('coding write-back against the sandbox EHR', () => {
  let sb: Sandbox;
  let token: string;
  beforeAll(async () => {
    sb = await startTiny(1);
    token = String((await login(sb, { patient: PATIENT }, SCOPE)).access_token);
  });
  afterAll(async () => sb?.close());

  it('transaction path: saving twice stores one Claim, one summary and their Provenance', async () => {
    const w = fetchWriter(sb.fhirBase, token);
    const items = buildCodingWrites(suggestion(1), {
      patientId: PATIENT,
      today: '2026-11-23',
      providerRef: agent.user,
      capabilities: await w.capabilities(),
    });
    expect(items.map((i) => i.resource.resourceType)).toEqual(['Claim', 'DocumentReference']);
    const first = await writeAll(w, items, agent, quick);
    expect(first.ok, JSON.stringify(first)).toBe(true);
    const second = await writeAll(w, items, agent, quick);
    expect(second.ok && second.results.every((r) => !r.created)).toBe(true);
    expect(await count(sb, token, 'Claim')).toBe(1);
    const claimId = first.results.find((r) => r.item.resource.resourceType === 'Claim')?.id;
    expect((await provenances(sb, token)).some((p) => p.target[0]?.reference === `Claim/${claimId}`)).toBe(true);
  });

  it('sequential path through 30 % injected faults: retried to completion, nothing duplicated', async () => {
    const faulty = await startTiny(1, { faults: 0.3, faultSeed: 7, slowMs: 10 });
    try {
      const t = String((await login(faulty, { patient: PATIENT }, SCOPE)).access_token);
      const base = fetchWriter(faulty.fhirBase, t);
      const sequential: FhirWriter = {
        capabilities: () => base.capabilities(),
        create: (r, q) => base.create(r, q),
        search: (ty, q) => base.search(ty, q),
      };
      let caps;
      for (let i = 0; i < 10 && !caps; i++) caps = await base.capabilities().catch(() => undefined);
      const items = buildCodingWrites(suggestion(2), { patientId: PATIENT, today: '2026-11-23', capabilities: caps! });
      let out = await writeAll(sequential, items, agent, quick);
      for (let i = 0; i < 5 && !out.ok; i++) out = await writeAll(sequential, items, agent, quick);
      expect(out.ok).toBe(true);
      // The faults really hit the save (its look-ups and creates), else this test would prove nothing about retries.
      expect(
        faulty.store
          .requests()
          .filter((r) => /\/fhir\/(Claim|DocumentReference|Provenance)/.test(r.path) && (r.status === 500 || r.status === 429)).length,
      ).toBeGreaterThan(0);
      await writeAll(sequential, items, agent, quick);
      expect(await count(faulty, t, 'Claim')).toBe(1);
      expect(await count(faulty, t, 'DocumentReference')).toBe(1);
    } finally {
      await faulty.close();
    }
  });
});
