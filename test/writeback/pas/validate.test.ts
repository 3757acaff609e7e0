import { describe, expect, it } from 'vitest';
import type { Bundle, Claim, Patient } from 'fhir/r4';
import { validatePasBundle } from '../../../src/writeback/pas/validate';
import { assemblePasBundle } from '../../../src/writeback/pas/bundle';
import { PATIENTS } from './patients';
import { loadPackages } from '../../../launch/sandbox/conformance/index';

// The IG's own examples, read from the official package (launch/sandbox/conformance/packages), not retyped.
const pas = loadPackages().find((p) => p.name === 'hl7.fhir.us.davinci-pas');
const load = (name: string): Bundle => structuredClone(pas?.examples.get(name)) as unknown as Bundle;

describe('validatePasBundle on the Da Vinci PAS 2.2.1 examples', () => {
  for (const f of [
    'Bundle-ReferralAuthorizationBundleExample.json',
    'Bundle-MedicalServicesAuthorizationBundleExample.json',
    'Bundle-HomecareAuthorizationBundleExample.json',
  ]) {
    it(`accepts ${f}`, () => {
      expect(validatePasBundle(load(f)).violations).toEqual([]);
    });
  }
  it('accepts the same bundle given as JSON text (spec-11)', () => {
    expect(validatePasBundle(JSON.stringify(load('Bundle-ReferralAuthorizationBundleExample.json'))).ok).toBe(true);
  });
});

/** A fresh, valid bundle built for a test patient; each case breaks exactly one thing in it. */
function good(): Bundle {
  const b = assemblePasBundle(PATIENTS[0]?.input ?? (undefined as never)).bundle;
  return JSON.parse(JSON.stringify(b)) as Bundle;
}
const claimOf = (b: Bundle): Claim => b.entry?.[0]?.resource as Claim;

const broken: [string, (b: Bundle) => unknown][] = [
  ['spec-11', () => '{"resourceType": "Bundle", '],
  [
    'spec-13',
    (b) => {
      claimOf(b).patient = { reference: 'Patient/elsewhere' };
      return b;
    },
  ],
  [
    'spec-14',
    (b) => {
      const e = b.entry?.[1];
      if (e) b.entry?.push(structuredClone(e));
      return b;
    },
  ],
  [
    'spec-16',
    (b) => {
      const e = b.entry?.[1];
      const old = e?.fullUrl ?? '';
      if (e) e.fullUrl = 'patient-1';
      return JSON.parse(JSON.stringify(b).split(old).join('patient-1'));
    },
  ],
  [
    'spec-20',
    (b) => {
      b.entry?.push({
        fullUrl: 'urn:uuid:0f0f0f0f-0000-4000-8000-000000000001',
        resource: { resourceType: 'Basic', id: 'stray', code: { text: 'stray' } },
      });
      return b;
    },
  ],
  [
    'spec-22',
    (b) => {
      const si = claimOf(b).supportingInfo;
      if (si?.[1] && si[0]) si[1].sequence = si[0].sequence;
      return b;
    },
  ],
  [
    'ImmediateLevelOfCare',
    (b) => {
      const it0 = claimOf(b).item?.[0];
      const cert = it0?.extension?.find((e) => e.url.endsWith('extension-certificationType'));
      if (cert) cert.valueCodeableConcept = { coding: [{ system: 'https://codesystem.x12.org/005010/1322', code: '1' }] };
      return b;
    },
  ],
  [
    'PASClaim.diagnosis',
    (b) => {
      claimOf(b).diagnosis = Array.from({ length: 13 }, (_, i) => ({
        sequence: i + 1,
        diagnosisCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'M54.16' }] },
      }));
      return b;
    },
  ],
];

// Rules the official profiles state (ClaimFirst, FullDateRule, fixed values, cardinalities,
// reference targets, the AdditionalInformation slice, inline DocumentReference content) are not ClaimReady's to restate: the
// conformance suite finds them on ClaimReady's own packets (conformance.test.ts, 'old-style packets').
describe('validatePasBundle on broken bundles (each rule once)', () => {
  it('the unbroken bundle passes', () => {
    expect(validatePasBundle(good()).violations).toEqual([]);
  });
  for (const [rule, breakIt] of broken) {
    it(`reports ${rule}`, () => {
      const res = validatePasBundle(breakIt(good()));
      expect(res.ok).toBe(false);
      expect(res.violations.map((v) => v.rule)).toContain(rule);
    });
  }
  it('reports an evidence reference the builder could not resolve (spec-13), naming it', () => {
    const input = PATIENTS[0]?.input;
    if (!input) throw new Error('no patient');
    const resources = new Map(input.resources);
    resources.delete('Observation/pain-p1-0');
    const build = assemblePasBundle({ ...input, resources });
    expect(build.unresolved).toEqual(['Observation/pain-p1-0']);
    const res = validatePasBundle(build.bundle);
    expect(
      res.violations
        .filter((v) => v.rule === 'spec-13')
        .map((v) => v.message)
        .join(' '),
    ).toContain('Observation/pain-p1-0');
  });

  // The Patient built from the picture (no EHR Patient supplied) carries the name's parts exactly as the EHR recorded
  // them; a name the EHR sent only as text stays text, and the packet check refuses it (US Core us-core-6).
  it('a picture-built Patient carries family and given as read; a name read only as text is refused (us-core-6)', () => {
    const input = PATIENTS[0]?.input;
    if (!input) throw new Error('no patient');
    const patientOf = (b: Bundle) => b.entry?.find((e) => e.resource?.resourceType === 'Patient')?.resource as Patient;
    const built = assemblePasBundle(input).bundle;
    expect(patientOf(built).name).toEqual([{ text: 'Alma Reyes', family: 'Reyes', given: ['Alma'] }]);
    const picture = structuredClone(input.picture);
    delete picture.patient.family;
    delete picture.patient.given;
    const textOnly = assemblePasBundle({ ...input, picture }).bundle;
    expect(patientOf(textOnly).name).toEqual([{ text: 'Alma Reyes' }]);
    const v = validatePasBundle(textOnly).violations;
    expect(v.map((x) => x.rule)).toEqual(['us-core-6']);
    expect(v[0]?.message).toMatch(/only as free text.*record the family name and given name/);
  });
});
