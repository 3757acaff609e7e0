// External data nobody on the team wrote: 16 Synthea R4 transaction Bundles (Apache-2.0, test/fixtures/synthea).
// Each expectation is counted here from the raw Bundle with its own simple rules, then compared with the picture the
// app builds through the real read path (loader -> local reader -> readPatientRecord -> buildPicture).
import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFhir } from '../../../src/cli/load';
import { localReader } from '../../../src/fhir/read/local-reader';
import { readPatientRecord } from '../../../src/fhir/read/read';
import { buildPicture } from '../../../src/fhir/picture/build-picture-sync';
import type { ClinicalPicture } from '../../../src/policy/picture';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'synthea');
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

interface Raw {
  resourceType: string;
  id: string;
  [k: string]: unknown;
}
type Coding = { system?: string; code?: string; display?: string };
const codings = (cc: unknown): Coding[] => (cc as { coding?: Coding[] } | undefined)?.coding ?? [];

function rawBundle(file: string): Raw[] {
  const b = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as { entry: { resource: Raw }[] };
  return b.entry.map((e) => e.resource);
}

// The test's own rules, written from the Synthea README and RxNorm names, not from the app's tables.
const OPIOID = /oxycodone|hydrocodone|meperidine|morphine|fentanyl|tramadol|codeine|hydromorphone|methadone|tapentadol/i;
const NSAID = /ibuprofen|naproxen|meloxicam|diclofenac|celecoxib|ketorolac/i;
const COLD = /dextromethorphan|doxylamine|guaifenesin/i;

const pictures = new Map<string, ClinicalPicture>();
const raws = new Map<string, Raw[]>();

beforeAll(async () => {
  const loaded = loadFhir(FILES.map((f) => join(DIR, f)));
  const reader = localReader(loaded.resources);
  for (const file of FILES) {
    const raw = rawBundle(file);
    const patient = raw.find((r) => r.resourceType === 'Patient')!.id;
    raws.set(patient, raw);
    const record = await readPatientRecord(reader, patient);
    pictures.set(patient, buildPicture(record, { patientId: patient, serviceRequestIds: [], today: '2026-11-23' }));
  }
}, 60_000);

describe('Synthea records (external, urn:uuid references, SNOMED-only problems, payer on claims)', () => {
  it('links every clinical resource to its patient through urn:uuid references (none is unlinked)', () => {
    const loaded = loadFhir(FILES.map((f) => join(DIR, f)));
    expect(localReader(loaded.resources).unlinked()).toEqual([]);
    expect(pictures.size).toBe(16);
  });

  it('finds every LOINC 72514-3 pain score with its value, and no mm measurement as a pain score', () => {
    let total = 0;
    for (const [patient, raw] of raws) {
      const scores = raw
        .filter((r) => r.resourceType === 'Observation' && codings(r.code).some((c) => c.code === '72514-3'))
        .map((r) => ({ ref: `Observation/${r.id}`, value: Math.round((r.valueQuantity as { value: number }).value * 10) / 10 }))
        .sort((a, b) => (a.ref < b.ref ? -1 : 1));
      const found = pictures
        .get(patient)!
        .painScores.map((s) => ({ ref: s.evidence[0]!.ref, value: s.value }))
        .sort((a, b) => (a.ref < b.ref ? -1 : 1));
      expect(found).toEqual(scores);
      total += scores.length;
      const mm = raw
        .filter((r) => r.resourceType === 'Observation' && (r.valueQuantity as { unit?: string } | undefined)?.unit === 'mm')
        .map((r) => `Observation/${r.id}`);
      for (const ref of mm) expect(found.map((f) => f.ref)).not.toContain(ref);
    }
    expect(total).toBe(145);
  });

  it('finds the opioid and NSAID trials (combinations as opioids) and no cough syrup or contraceptive as a trial', () => {
    let opioids = 0;
    let nsaids = 0;
    for (const [patient, raw] of raws) {
      const meds = raw.filter((r) => r.resourceType === 'MedicationRequest');
      const name = (r: Raw): string => codings(r.medicationCodeableConcept)[0]?.display ?? '';
      const wantOpioid = meds
        .filter((r) => OPIOID.test(name(r)) && !COLD.test(name(r)))
        .map((r) => `MedicationRequest/${r.id}`)
        .sort();
      const wantNsaid = meds
        .filter((r) => NSAID.test(name(r)) && !OPIOID.test(name(r)) && !COLD.test(name(r)))
        .map((r) => `MedicationRequest/${r.id}`)
        .sort();
      const care = pictures.get(patient)!.conservativeCare;
      const of = (kind: string): string[] =>
        care
          .filter((c) => c.kind === kind)
          .map((c) => c.evidence[0]!.ref)
          .sort();
      expect(of('opioid')).toEqual(wantOpioid);
      expect(of('nsaid')).toEqual(wantNsaid);
      const cold = meds.filter((r) => COLD.test(name(r))).map((r) => `MedicationRequest/${r.id}`);
      for (const ref of cold) expect(care.map((c) => c.evidence[0]!.ref)).not.toContain(ref);
      opioids += wantOpioid.length;
      nsaids += wantNsaid.length;
    }
    // Oxycodone ER, acetaminophen/oxycodone and meperidine; naproxen (sodium) and ibuprofen.
    expect(opioids).toBe(3);
    expect(nsaids).toBe(17);
  });

  it('reads every SNOMED-only condition as a diagnosis with its SNOMED code and clinical status', () => {
    let total = 0;
    for (const [patient, raw] of raws) {
      const want = raw
        .filter((r) => r.resourceType === 'Condition')
        .map((r) => ({
          snomed: codings(r.code).find((c) => c.system === 'http://snomed.info/sct')!.code,
          status: codings(r.clinicalStatus)[0]!.code,
        }))
        .sort((a, b) => `${a.snomed}${a.status}`.localeCompare(`${b.snomed}${b.status}`));
      const dx = pictures.get(patient)!.diagnoses;
      expect(dx.every((d) => d.icd10 === undefined)).toBe(true);
      expect(
        dx
          .map((d) => ({ snomed: d.snomed, status: d.clinicalStatus }))
          .sort((a, b) => `${a.snomed}${a.status}`.localeCompare(`${b.snomed}${b.status}`)),
      ).toEqual(want);
      expect(dx.every((d) => /\(SNOMED CT \d+\)/.test(d.evidence[0]!.display))).toBe(true);
      total += want.length;
    }
    expect(total).toBe(113);
  });

  it('dates a live SNOMED "Chronic pain" by its onset', () => {
    let chronic = 0;
    for (const [patient, raw] of raws) {
      const live = raw.filter(
        (r) =>
          r.resourceType === 'Condition' &&
          codings(r.code).some((c) => c.code === '82423001') &&
          codings(r.clinicalStatus)[0]?.code === 'active',
      );
      const durations = pictures.get(patient)!.painDuration.filter((d) => live.some((c) => d.evidence[0]!.ref === `Condition/${c.id}`));
      expect(durations.map((d) => d.onset)).toEqual(live.map((c) => c.onsetDateTime));
      chronic += live.length;
    }
    expect(chronic).toBe(2);
  });

  it('takes the payer from the latest Claim (no Coverage in these records) and says so', () => {
    for (const [patient, raw] of raws) {
      const claims = raw.filter((r) => r.resourceType === 'Claim');
      const start = (r: Raw): string => (r.billablePeriod as { start: string }).start;
      const payer = (c: Raw): string => (c.insurance as { coverage: { display: string } }[])[0]!.coverage.display;
      const named = claims.filter((c) => payer(c) !== 'no_insurance');
      const last = named.map(start).sort().at(-1)!;
      // Several claims (visit, medications) share the latest date; any of them names the same payer.
      const latest = named.filter((c) => start(c) === last);
      expect(new Set(latest.map(payer)).size).toBe(1);
      const pic = pictures.get(patient)!;
      expect(pic.coverages).toHaveLength(1);
      expect(pic.coverages[0]).toMatchObject({ from: 'Claim', payerName: payer(latest[0]!) });
      const ref = pic.coverages[0]!.evidence[0]!.ref;
      expect(latest.map((c) => `Claim/${c.id}`)).toContain(ref);
      expect(pic.dataIssues.some((i) => i.message.includes(`read from ${ref}`))).toBe(true);
    }
  });

  it('reads PT CarePlans as therapy courses with their period', () => {
    for (const [patient, raw] of raws) {
      const plans = raw.filter(
        (r) => r.resourceType === 'CarePlan' && codings((r.category as unknown[])[0]).some((c) => c.code === '91251008'),
      );
      const pt = pictures.get(patient)!.conservativeCare.filter((c) => c.kind === 'physical-therapy');
      expect(pt.flatMap((c) => c.evidence.map((e) => e.ref)).sort()).toEqual(plans.map((p) => `CarePlan/${p.id}`).sort());
      for (const p of plans) {
        const course = pt.find((c) => c.evidence.some((e) => e.ref === `CarePlan/${p.id}`))!;
        expect(course.start).toBe((p.period as { start: string }).start.slice(0, 10));
        expect(course.weeks).toBeGreaterThan(0);
      }
    }
  });

  it('reads SNOMED "(procedure)" encounter names by their words: a check-up is not a procedure visit', () => {
    for (const [patient, raw] of raws) {
      const byId = new Map(
        raw.filter((r) => r.resourceType === 'Encounter').map((r) => [r.id, codings((r.type as unknown[])[0])[0]?.display ?? '']),
      );
      for (const e of pictures.get(patient)!.encounters) {
        const name = byId.get(e.id)!;
        if (/check up|check-up|Encounter for/i.test(name)) expect(e.kind).toBe('office');
        if (/^Outpatient procedure/.test(name)) expect(e.kind).toBe('procedure');
      }
    }
  });
});
