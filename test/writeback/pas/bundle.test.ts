import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Bundle, Claim, DocumentReference, Observation } from 'fhir/r4';
import { assemblePasBundle, buildPasBundle } from '../../../src/writeback/pas/bundle';
import { validatePasBundle } from '../../../src/writeback/pas/validate';
import { base64ToUtf8 } from '../../../src/writeback/pas/ids';
import { PATIENTS } from './patients';
import { structuralProblems } from './structure';

const GOLDEN = join(import.meta.dirname, '../../fixtures/pas/golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const claimOf = (b: Bundle): Claim => b.entry?.[0]?.resource as Claim;
const byUrl = (b: Bundle, url: string | undefined) => b.entry?.find((e) => e.fullUrl === url)?.resource;

describe('golden PAS bundles for the test patients', () => {
  for (const [i, c] of PATIENTS.entries()) {
    const file = join(GOLDEN, `patient-${i + 1}.json`);
    it(`${c.input.service.code} for patient ${i + 1}: valid, structurally sound and equal to its golden file`, () => {
      const b = buildPasBundle(c.input);
      expect(validatePasBundle(b).violations).toEqual([]);
      expect(structuralProblems(b)).toEqual([]);
      const text = `${JSON.stringify(b, null, 2)}\n`;
      if (UPDATE) {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(file, text);
      }
      expect(existsSync(file), `golden file missing; run UPDATE_GOLDEN=1 to create ${file}`).toBe(true);
      expect(text).toBe(readFileSync(file, 'utf8'));
    });
  }
});

describe('buildPasBundle content', () => {
  const input = PATIENTS[0]?.input;
  if (!input) throw new Error('no patient');
  const b = buildPasBundle(input);
  const claim = claimOf(b);

  it('is deterministic for the same inputs', () => {
    expect(JSON.stringify(buildPasBundle(input))).toBe(JSON.stringify(b));
  });

  it('points supportingInfo at every kind of support the brief lists', () => {
    const targets = (claim.supportingInfo ?? []).map((s) => byUrl(b, s.valueReference?.reference));
    const ids = targets.map((r) => `${r?.resourceType ?? ''}/${r?.id ?? ''}`);
    for (const key of ['Condition/cond-p1-0', 'Observation/pain-p1-0', 'Observation/odi-p1', 'Procedure/care-p1-0', 'MedicationStatement/care-p1-1', 'DiagnosticReport/img-p1']) {
      expect(ids).toContain(key);
    }
    const docs = targets.filter((r): r is DocumentReference => r?.resourceType === 'DocumentReference');
    expect(docs.map((d) => d.content[0]?.attachment.contentType)).toEqual(['text/plain; charset=utf-8', 'text/plain; charset=utf-8', 'application/pdf']);
    const excerpt = base64ToUtf8(docs[0]?.content[0]?.attachment.data ?? '');
    expect(excerpt).toContain('"radiating down the left leg for 4 months"');
    expect(excerpt).not.toContain('Low back pain'); // only the quoted spans, not the whole note
    const summary = base64ToUtf8(docs[1]?.content[0]?.attachment.data ?? '');
    expect(summary).toContain('[met] Lumbar radiculopathy documented');
  });

  it('carries prior injections with their relief (patient 4: two blocks, each with its relief observation)', () => {
    const p4 = PATIENTS[3]?.input;
    if (!p4) throw new Error('no patient 4');
    const b4 = buildPasBundle(p4);
    const keys = (b4.entry ?? []).map((e) => `${e.resource?.resourceType ?? ''}/${e.resource?.id ?? ''}`);
    expect(keys).toEqual(expect.arrayContaining(['Procedure/prior-p4-0', 'Procedure/prior-p4-1', 'Observation/relief-p4-0', 'Observation/relief-p4-1']));
    const items = claimOf(b4).item ?? [];
    expect(items.map((x) => [x.productOrService.coding?.[0]?.code, x.modifier?.[0]?.coding?.[0]?.code])).toEqual([['64635', 'RT'], ['64636', 'RT']]);
  });

  it('fills the Claim the way PAS asks', () => {
    expect(claim.use).toBe('preauthorization');
    expect(claim.created).toBe(input.now);
    expect(claim.insurance[0]?.focal).toBe(true);
    const item = claim.item?.[0];
    expect(item?.servicedDate).toBe('2026-12-03');
    expect(item?.productOrService.coding?.[0]).toEqual({ system: 'http://www.ama-assn.org/go/cpt', code: '64483' });
    expect(item?.modifier?.[0]?.coding?.[0]?.system).toBe('http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets');
    expect(item?.quantity?.value).toBe(1);
    expect(claim.diagnosis?.map((d) => d.diagnosisCodeableConcept?.coding?.[0]?.code)).toEqual(['M54.16', 'M51.16']);
    const insurer = byUrl(b, claim.insurer?.reference);
    expect(insurer?.resourceType === 'Organization' && insurer.name).toBe('Medicare Part B');
  });

  it('keeps at most 12 diagnoses and drops pointers past them', () => {
    const many = Array.from({ length: 14 }, (_, i) => ({ code: `M54.1${i % 10}`, label: `dx ${i}`, billable: true, evidence: [] }));
    const lines = input.coding.lines.map((l) => ({ ...l, diagnosisPointers: [1, 13, 14] }));
    const b14 = buildPasBundle({ ...input, coding: { ...input.coding, diagnoses: many, lines } });
    expect(claimOf(b14).diagnosis).toHaveLength(12);
    expect(claimOf(b14).item?.[0]?.diagnosisSequence).toEqual([1]);
    expect(validatePasBundle(b14).ok).toBe(true);
  });

  it('reduces references to resources it was not given (the encounter) to a display, never a dangling reference', () => {
    const build = assemblePasBundle(input);
    expect(build.omitted).toEqual(['Encounter/enc-p1']);
    const obs = b.entry?.find((e) => e.resource?.id === 'pain-p1-0')?.resource as Observation;
    expect(obs.encounter).toEqual({ display: 'Encounter not included' });
    expect(obs.subject?.reference).toBe(claim.patient.reference);
  });

  it('builds from facts alone when no raw resources are given, and the validator then names every unresolved one', () => {
    const build = assemblePasBundle({ ...input, resources: new Map() });
    expect(build.unresolved).toContain('Observation/pain-p1-0');
    const res = validatePasBundle(build.bundle);
    expect(res.ok).toBe(false);
    expect(new Set(res.violations.map((v) => v.rule))).toEqual(new Set(['spec-13']));
  });

  it('fails the validator when the picture has no active coverage', () => {
    const picture = { ...input.picture, coverages: [] };
    const res = validatePasBundle(buildPasBundle({ ...input, picture }));
    expect(res.violations.map((v) => v.rule)).toContain('PASClaim.insurance');
  });

  it('gives the same shared resource the same GUID across packets and distinct GUIDs otherwise (spec-17)', () => {
    const urls = PATIENTS.map((c) => new Map((buildPasBundle(c.input).entry ?? []).map((e) => [`${e.resource?.resourceType ?? ''}/${e.resource?.id ?? ''}`, e.fullUrl])));
    expect(urls[0]?.get('Organization/clinic-1')).toBe(urls[1]?.get('Organization/clinic-1'));
    const claims = urls.map((m) => [...m.entries()].find(([k]) => k.startsWith('Claim/'))?.[1]);
    expect(new Set(claims).size).toBe(PATIENTS.length);
  });
});
