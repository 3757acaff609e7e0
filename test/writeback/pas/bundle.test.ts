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

  it('points supportingInfo at the evidence for this request, each as a type PAS accepts', () => {
    const targets = (claim.supportingInfo ?? []).map((s) => byUrl(b, s.valueReference?.reference));
    const ids = targets.map((r) => `${r?.resourceType ?? ''}/${r?.id ?? ''}`);
    // The summary PDF first; the order's diagnoses, the imaging report (as a document), therapy, the latest note,
    // the current pain (2026-11-10, not the older 2026-09-15) and function scores.
    expect(ids).toEqual([
      expect.stringMatching(/^DocumentReference\/packet-pdf-/),
      'Condition/cond-p1-0',
      'Condition/cond-p1-1',
      'DocumentReference/imaging-img-p1',
      'Procedure/care-p1-0',
      'DocumentReference/note-p1',
      'Observation/pain-p1-0',
      'Observation/odi-p1',
    ]);
    // A MedicationStatement is not a PAS supporting-information type: left out, and said why.
    expect(assemblePasBundle(input).notSent).toEqual([]);
    expect(ids.some((i) => i.startsWith('MedicationStatement/') || i.startsWith('DiagnosticReport/'))).toBe(false);
    const docs = targets.filter((r): r is DocumentReference => r?.resourceType === 'DocumentReference');
    expect(docs.map((d) => d.type?.coding?.[0])).toEqual([
      { system: 'http://loinc.org', code: '34133-9', display: 'Summary of episode note' },
      { system: 'http://loinc.org', code: '18748-4', display: 'Diagnostic imaging study' },
      { system: 'http://loinc.org', code: '11488-4', display: 'Consult note' },
    ]);
    expect(base64ToUtf8(docs[1]?.content[0]?.attachment.data ?? '')).toContain('Left paracentral L4-L5 disc protrusion');
    // The note is sent as the clinician wrote it, not as ClaimReady's cut of it.
    expect(base64ToUtf8(docs[2]?.content[0]?.attachment.data ?? '')).toBe(
      'Low back pain radiating down the left leg for 4 months. Failed 8 weeks of PT and naproxen.',
    );
  });

  it('carries prior injections with their relief (patient 4: two blocks, each with its relief observation)', () => {
    const p4 = PATIENTS[3]?.input;
    if (!p4) throw new Error('no patient 4');
    const b4 = buildPasBundle(p4);
    const keys = (b4.entry ?? []).map((e) => `${e.resource?.resourceType ?? ''}/${e.resource?.id ?? ''}`);
    expect(keys).toEqual(
      expect.arrayContaining(['Procedure/prior-p4-0', 'Procedure/prior-p4-1', 'Observation/relief-p4-0', 'Observation/relief-p4-1']),
    );
    const items = claimOf(b4).item ?? [];
    expect(items.map((x) => [x.productOrService.coding?.[0]?.code, x.modifier?.[0]?.coding?.[0]?.code])).toEqual([
      ['64635', 'RT'],
      ['64636', 'RT'],
    ]);
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

  it("states only the request's diagnoses (order + pointed), at most 12, and drops pointers past them", () => {
    const many = Array.from({ length: 14 }, (_, i) => ({ code: `M54.1${i % 10}`, label: `dx ${i}`, billable: true, evidence: [] }));
    const hypertension = { code: 'I10', label: 'Essential (primary) hypertension', billable: true, evidence: [] };
    const lines = input.coding.lines.map((l) => ({ ...l, diagnosisPointers: [1, 13, 14] }));
    const b3 = buildPasBundle({ ...input, coding: { ...input.coding, diagnoses: [...many, hypertension], lines } });
    expect(claimOf(b3).diagnosis?.map((d) => d.diagnosisCodeableConcept?.coding?.[0]?.code)).toEqual([
      'M54.10',
      'M54.16',
      'M54.12',
      'M54.13',
    ]); // M54.16 is on the order
    expect(claimOf(b3).item?.[0]?.diagnosisSequence).toEqual([1, 3, 4]);
    const all = input.coding.lines.map((l) => ({ ...l, diagnosisPointers: many.map((_, i) => i + 1) }));
    const b14 = buildPasBundle({ ...input, coding: { ...input.coding, diagnoses: many, lines: all } });
    expect(claimOf(b14).diagnosis).toHaveLength(12);
    expect(claimOf(b14).item?.[0]?.diagnosisSequence).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
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
    // Without the EHR's Coverage the relationship to the subscriber is unknown, and the check says so too.
    expect(new Set(res.violations.map((v) => v.rule))).toEqual(new Set(['spec-13', 'self-beneficiary']));
  });

  it('fails the validator when the picture has no active coverage', () => {
    const picture = { ...input.picture, coverages: [] };
    const res = validatePasBundle(buildPasBundle({ ...input, picture }));
    expect(res.violations.map((v) => v.rule)).toContain('PASClaim.insurance');
  });

  it('gives the same shared resource the same GUID across packets and distinct GUIDs otherwise (spec-17)', () => {
    const urls = PATIENTS.map(
      (c) =>
        new Map((buildPasBundle(c.input).entry ?? []).map((e) => [`${e.resource?.resourceType ?? ''}/${e.resource?.id ?? ''}`, e.fullUrl])),
    );
    expect(urls[0]?.get('Organization/clinic-1')).toBe(urls[1]?.get('Organization/clinic-1'));
    const claims = urls.map((m) => [...m.entries()].find(([k]) => k.startsWith('Claim/'))?.[1]);
    expect(new Set(claims).size).toBe(PATIENTS.length);
  });
});
