// Packets for records the team did not write: the 16 Synthea R4 exports (test/fixtures/synthea, Apache-2.0, unchanged)
// plus what a pain clinic's EHR would add to them (test/fixtures/synthea-orders: the order, the ordering clinician,
// the payer and the coverage, in the shapes EHRs send them). `npm run check -- --packet` writes the packets, and the
// conformance validator (official PAS 2.2.1 / US Core packages, launch/sandbox/conformance) checks each one. A packet
// has 0 errors unless the record itself lacks what the profile requires; those are listed here by name, and the
// packet check refuses to save such a packet and says what to record.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bundle, Coverage, Patient } from 'fhir/r4';
import { validatePasBundle } from '../../../src/writeback/pas/validate';
import { formatIssues, validatePasConformance } from '../../../launch/sandbox/conformance/index';
import { readPdf } from './pdf-text';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SYNTHEA = join(ROOT, 'test/fixtures/synthea');
const ORDERS = join(ROOT, 'test/fixtures/synthea-orders');
const TODAY = '2022-01-15';

/** Synthea file number -> the patient id inside it. */
const patients = new Map(
  readdirSync(SYNTHEA)
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const b = JSON.parse(readFileSync(join(SYNTHEA, f), 'utf8')) as Bundle;
      const p = b.entry?.find((e) => e.resource?.resourceType === 'Patient')?.resource;
      return [f.slice('synthea-'.length, -'.json'.length), p?.id ?? ''] as const;
    }),
);

const NO_COVERAGE = [
  'Constraint us-core-15 not met: Member Id in Coverage.identifier or Coverage.subscriberId SHALL be present [profile-coverage]',
  'Coverage.identifier: expected 1..*, found 0 [profile-coverage]',
  'Coverage.identifier (slice memberid): expected 1..1, found 0 [profile-coverage]',
  'Coverage.relationship: expected 1..1, found 0 [profile-coverage]',
];
/** What the record lacks, by Synthea file: the only errors a packet may have, and why the packet is not saved. */
const GAPS: Record<string, { errors: string[]; problem: RegExp }> = {
  // No Coverage in the export; the payer is read from Synthea's claims ("private"), which carry no member id.
  '0044': { errors: NO_COVERAGE, problem: /no member id/ },
  '0233': { errors: NO_COVERAGE, problem: /no member id/ },
  // The order names no requester: the visit's clinician is taken as the orderer, and Synthea's "NPI" for them is a
  // three-digit placeholder.
  '0195': {
    errors: [
      'invariant us-core-16 failed: NPI must be 10 digits [profile-practitioner]',
      'invariant us-core-17 failed: NPI check digit must be valid (Luhn algorithm check) [profile-practitioner]',
    ],
    problem: /NPI on record \(\d{1,9}\) is not a valid NPI/,
  },
  // Ordered by the Synthea primary-care clinician, whose "NPI" is a three-digit placeholder.
  '0343': {
    errors: [
      'invariant us-core-16 failed: NPI must be 10 digits [profile-practitioner]',
      'invariant us-core-17 failed: NPI check digit must be valid (Luhn algorithm check) [profile-practitioner]',
    ],
    problem: /NPI on record \(\d{1,9}\) is not a valid NPI/,
  },
};

/**
 * Packets that conform but are not requested, for what the record says of the request itself
 * (writeback/pas/request-refusals.ts): no ICD-10-CM code valid on the date of service (SNOMED-only problems; M79.18
 * is valid only from FY2023, 2022-10-01, after these 2022 orders), or a service the assessment finds not eligible
 * (an ablation with no diagnostic blocks; under BCBSMA 690, pain below moderate-severe with no PT or analgesic trial).
 */
const REFUSED: Record<string, RegExp[]> = {
  '0075': [/request-not-eligible: .*below the moderate-severe pain/],
  '0195': [/request-diagnosis: .*no ICD-10-CM diagnosis valid/],
  '0215': [/request-not-eligible: .*below the moderate-severe pain/],
  '0233': [/request-diagnosis: .*SNOMED/],
  '0276': [/request-not-eligible: .*0 qualifying diagnostic blocks/],
  '0443': [/request-diagnosis: .*SNOMED/, /request-not-eligible/],
  '0505': [/request-not-eligible: .*0 qualifying diagnostic blocks/],
  '0599': [/request-diagnosis/, /request-not-eligible/],
  '0607': [/request-diagnosis: .*M79\.18 cannot be billed on that date/],
};

const withoutPath = (e: string): string => e.replace(/^Bundle\.entry\[\d+\]\.resource[^:]*: /, '');

describe('PAS packets for the 16 Synthea records (npm run check --packet, then the official profiles)', () => {
  let out: string;
  let stderr: string;
  const dirOf = (n: string): string => {
    const id = patients.get(n) ?? '';
    const d = readdirSync(out).find((x) => x.startsWith(id) && x.endsWith(`synthea-${n}-order`));
    if (!d) throw new Error(`no packet folder for synthea-${n}`);
    return join(out, d);
  };
  const bundleOf = (n: string): Bundle => JSON.parse(readFileSync(join(dirOf(n), 'pas-bundle.json'), 'utf8')) as Bundle;

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'synthea-packets-'));
    const args = ['--import', 'tsx', join(ROOT, 'src/cli.ts'), '--data', SYNTHEA, '--data', ORDERS, '--today', TODAY, '--packet', out];
    const run = spawnSync(process.execPath, [...args, '--json'], { cwd: ROOT, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`check failed (${String(run.status)}): ${run.stderr}`);
    stderr = run.stderr;
  }, 120_000);

  it('writes one packet folder per Synthea record, each with its PAS bundle and PDF', () => {
    expect(patients.size).toBe(16);
    for (const n of patients.keys()) {
      expect(existsSync(join(dirOf(n), 'pas-bundle.json')), n).toBe(true);
      expect(
        readFileSync(join(dirOf(n), 'packet.pdf'))
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
    }
  });

  for (const n of [...patients.keys()].sort()) {
    it(`synthea-${n}: ${GAPS[n] ? 'only the errors its record explains' : '0 errors'} against PAS 2.2.1 / US Core`, () => {
      const errors = formatIssues(validatePasConformance(bundleOf(n)).errors).map(withoutPath);
      expect(errors.sort()).toEqual([...(GAPS[n]?.errors ?? [])].sort());
    }, 60_000);
  }

  it('a packet with a gap, or one that cannot be requested as it stands, is written but not saveable, and problems.txt says why; the others are saveable', () => {
    for (const n of patients.keys()) {
      const problems = join(dirOf(n), 'problems.txt');
      const text = existsSync(problems) ? readFileSync(problems, 'utf8') : '';
      const reasons = [...(GAPS[n] ? [GAPS[n].problem] : []), ...(REFUSED[n] ?? [])];
      if (reasons.length) {
        for (const r of reasons) expect(text, n).toMatch(r);
        expect(text, n).toMatch(/The packet is not saved/);
        expect(existsSync(join(dirOf(n), 'packet-documentreference.json')), n).toBe(false);
      } else {
        expect(text, n).not.toMatch(/not saved|no requesting/);
        expect(existsSync(join(dirOf(n), 'packet-documentreference.json')), n).toBe(true);
      }
      expect(stderr).toContain(`${dirOf(n)} ${reasons.length ? 'NOT saveable' : 'saveable'}`);
    }
    // The yardstick keeps its teeth: some Synthea packets are saved.
    expect([...patients.keys()].filter((n) => !GAPS[n] && !REFUSED[n]).length).toBeGreaterThanOrEqual(5);
  });

  it("a refusal tells PA staff what to add and where: the member id on a Coverage, the named clinician's NPI", () => {
    const problems = (n: string): string => readFileSync(join(dirOf(n), 'problems.txt'), 'utf8');
    // 0044: the payer is known only from Synthea's claims, which carry no member number.
    expect(problems('0044')).toContain(
      "record the member id from the patient's insurance card (payer: private) on the patient's Coverage in the EHR (Coverage.subscriberId, or a Coverage.identifier typed MB), adding the Coverage if the record has none",
    );
    expect(problems('0044')).toContain('(Coverage.relationship, e.g. self), or the subscriber (Coverage.subscriber)');
    // 0343: ordered by the Synthea clinician whose "NPI" is 180.
    expect(problems('0343')).toContain(
      "NPI on record (180) is not a valid NPI (10 digits ending in its check digit): record Dr. Lloyd Effertz's 10-digit NPI (as listed in NPPES) on their Practitioner record in the EHR (identifier system http://hl7.org/fhir/sid/us-npi)",
    );
  });

  it('a member id the EHR keeps only as a Coverage.identifier typed MB is on page one of the PDF, as in the bundle', async () => {
    for (const [n, id] of [
      ['0100', '100020003001'],
      ['0505', '7AB2CD3EF45'],
    ] as const) {
      const first = (await readPdf(new Uint8Array(readFileSync(join(dirOf(n), 'packet.pdf'))))).pages[0] ?? '';
      expect(first, n).toContain(`Member ID: ${id}; payer`);
      expect(first, n).not.toContain('NOT RECORDED');
    }
  });

  it('every resource id is a FHIR id (a payer read from a Claim is not sent as Coverage/"Claim/x")', () => {
    for (const n of patients.keys())
      for (const e of bundleOf(n).entry ?? [])
        expect(e.resource?.id ?? '', `${n} ${e.resource?.resourceType ?? ''}`).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
  });

  it('the member id and relationship are read from the shapes EHRs send (subscriberId only; subscriber = patient)', () => {
    const cov = (n: string): Coverage => bundleOf(n).entry?.find((e) => e.resource?.resourceType === 'Coverage')?.resource as Coverage;
    // synthea-0075: the number only in subscriberId (as Epic sends it) becomes the MB identifier.
    expect(cov('0075').identifier?.[0]).toMatchObject({ type: { coding: [{ code: 'MB' }] }, value: 'XJH800100751' });
    // synthea-0161: no relationship, the subscriber is the patient: self, also in X12 1069.
    expect(cov('0161').relationship?.coding?.map((c) => c.code)).toEqual(['self', '18']);
    // synthea-0174: a cancelled coverage listed first is not the one requested under.
    expect(cov('0174').id).toBe('synthea-0174-cov1');
    // synthea-0505: Medicare primary (order 1) over the supplement.
    expect(cov('0505').identifier?.[0]?.value).toBe('7AB2CD3EF45');
  });

  it("a visit's clinician with a placeholder NPI is named by display, not sent as a Practitioner the profile rejects", () => {
    const b = bundleOf('0075');
    const npis = (b.entry ?? [])
      .filter((e) => e.resource?.resourceType === 'Practitioner')
      .flatMap((e) => (e.resource as { identifier?: { value?: string }[] }).identifier?.map((i) => i.value) ?? []);
    expect(npis).toEqual(['1990000006']);
    const text = JSON.stringify(b);
    expect(text).toMatch(/"display":"Dr\. [A-Z][a-z]+\d* [A-Z][a-z]+\d*"/);
  });

  it("the PDF of a child's record (synthea-0075, born 2009) reads as a reviewer expects: a boy, no group number as the plan", async () => {
    const text = (await readPdf(new Uint8Array(readFileSync(join(dirOf('0075'), 'packet.pdf'))))).pages.join(' ');
    expect(text).toMatch(/\b12-year-old boy\b/);
    expect(text).toContain('Member ID: XJH800100751; payer Blue Cross Blue Shield of Massachusetts');
    // The coverage's class 004417 is typed "group": it is not the plan's name.
    expect(text).not.toContain('plan 004417');
  });

  // What real exports lack on the patient: the official profiles reject each, and the packet check (the browser does
  // not load the packages) names the same gap in words, so such a packet is not saved.
  const PATIENT_GAPS: [name: string, mutate: (p: Patient) => void, profile: RegExp, rule: string][] = [
    ['no name', (p) => void delete p.name, /Patient\.name: expected 1\.\.\*, found 0/, 'PASBeneficiary.name'],
    ['no identifier', (p) => void delete p.identifier, /Patient\.identifier: expected 1\.\.\*, found 0/, 'PASBeneficiary.identifier'],
    ['no administrative sex', (p) => void delete p.gender, /Patient\.gender: expected 1\.\.1, found 0/, 'PASBeneficiary.gender'],
    ['a name only as text', (p) => void (p.name = [{ text: 'Jonathan Smith' }]), /Patient\.name: invariant us-core-6 failed/, 'us-core-6'],
  ];
  for (const [name, mutate, profile, rule] of PATIENT_GAPS) {
    it(`a patient with ${name}: the profile rejects it and the packet check names it (${rule})`, () => {
      const b = bundleOf('0075');
      const patient = b.entry?.find((e) => e.resource?.resourceType === 'Patient')?.resource as Patient;
      mutate(patient);
      expect(formatIssues(validatePasConformance(b).errors).some((e) => profile.test(e))).toBe(true);
      expect(validatePasBundle(b).violations.map((v) => v.rule)).toEqual([rule]);
    });
  }
  it('a patient without telecom, address or birth date still conforms (the profiles do not require them)', () => {
    const b = bundleOf('0075');
    const patient = b.entry?.find((e) => e.resource?.resourceType === 'Patient')?.resource as Patient;
    delete patient.telecom;
    delete patient.address;
    delete patient.birthDate;
    expect(formatIssues(validatePasConformance(b).errors)).toEqual([]);
    expect(validatePasBundle(b).violations).toEqual([]);
  });
});
