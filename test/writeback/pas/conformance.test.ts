// The conformance validator's own sanity, against the IG's own examples (read from the official package, not
// retyped): the PAS request examples pass with 0 errors, the one the IG ships broken fails where it is broken, and
// each known way of breaking a packet (the ones issue 12 found in ClaimReady's output) fails with the expected error.
import { describe, expect, it } from 'vitest';
import type { Bundle, Claim, Coverage, PractitionerRole, Practitioner } from 'fhir/r4';
import { formatIssues, loadPackages, validatePasConformance } from '../../../launch/sandbox/conformance/index';

const pas = loadPackages().find((p) => p.name === 'hl7.fhir.us.davinci-pas');
if (!pas) throw new Error('PAS package missing from launch/sandbox/conformance/packages');
const example = (name: string): Bundle => structuredClone(pas.examples.get(name)) as unknown as Bundle;
const find = <T>(b: Bundle, type: string): T => b.entry?.find((e) => e.resource?.resourceType === type)?.resource as T;
const errorsOf = (b: unknown): string[] => formatIssues(validatePasConformance(b).errors);

describe('conformance validator on the Da Vinci PAS 2.2.1 package examples', () => {
  const requests = [
    'Bundle-ReferralAuthorizationBundleExample.json',
    'Bundle-MedicalServicesAuthorizationBundleExample.json',
    'Bundle-HomecareAuthorizationBundleExample.json',
    'Bundle-HomecareAuthorizationUpdateBundleExample.json',
  ];
  for (const name of requests) {
    it(`accepts ${name} with 0 errors, every entry checked against its PAS profile`, () => {
      const report = validatePasConformance(example(name));
      expect(formatIssues(report.errors)).toEqual([]);
      expect(report.checked.filter((c) => c.profile.includes('/davinci-pas/')).length).toBeGreaterThan(3);
    });
  }

  it('rejects SurgicalRequestBundleExample exactly where the IG example is broken (references to entries it lacks)', () => {
    expect(errorsOf(example('Bundle-SurgicalRequestBundleExample.json'))).toEqual([
      'Bundle.entry[6].resource.practitioner.reference: reference "Practitioner/ReferralPractitionerExample" does not resolve to an entry of the bundle (PAS spec-13)',
      'Bundle.entry[6].resource.location[0].reference: reference "Location/ReferralLocationExample" does not resolve to an entry of the bundle (PAS spec-13)',
    ]);
  });

  it('rejects a response bundle offered as a request (ClaimFirst, the Claim slice)', () => {
    const errors = errorsOf(example('Bundle-ReferralAuthorizationResponseBundleExample.json'));
    expect(errors.some((e) => e.includes('ClaimFirst'))).toBe(true);
    expect(errors.some((e) => e.includes('Bundle.entry (slice Claim): expected 1..2, found 0'))).toBe(true);
  });
});

type Break = [name: string, expected: RegExp, mutate: (b: Bundle) => void];

const BROKEN: Break[] = [
  [
    'DocumentReference.type in a local code system',
    /DocumentReference\.type: the code is not in the required value set .*us-core-documentreference-type/,
    (b) => {
      find<{ type: unknown }>(b, 'DocumentReference').type = {
        coding: [{ system: 'https://claimready.app/CodeSystem/document-type', code: 'pa-packet' }],
      };
    },
  ],
  [
    'Coverage without member id',
    /Coverage\.identifier \(slice memberid\): expected 1\.\.1, found 0/,
    (b) => {
      delete find<Coverage>(b, 'Coverage').identifier;
    },
  ],
  [
    'Coverage relationship only HL7 self and no subscriber',
    /Constraint self-beneficiary not met/,
    (b) => {
      const c = find<Coverage>(b, 'Coverage');
      c.relationship = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/subscriber-relationship', code: 'self' }] };
      delete c.subscriber;
    },
  ],
  [
    'PractitionerRole without telecom or endpoint',
    /Constraint pd-1 not met/,
    (b) => {
      const r = find<PractitionerRole>(b, 'PractitionerRole');
      delete r.telecom;
      delete r.endpoint;
    },
  ],
  [
    'MedicationStatement as supporting information',
    /points at a MedicationStatement; the profile allows profile-documentreference/,
    (b) => {
      b.entry?.push({
        fullUrl: 'http://example.org/fhir/MedicationStatement/ms1',
        resource: {
          resourceType: 'MedicationStatement',
          id: 'ms1',
          status: 'completed',
          medicationCodeableConcept: { text: 'naproxen' },
          subject: { reference: 'Patient/SubscriberExample' },
        },
      });
      const si = (b.entry?.[0]?.resource as Claim).supportingInfo?.[0];
      if (si) si.valueReference = { reference: 'MedicationStatement/ms1' };
    },
  ],
  [
    'imaging DiagnosticReport in the lab report slot',
    /DiagnosticReport\.category \(slice LaboratorySlice\): expected 1\.\.1, found 0/,
    (b) => {
      b.entry?.push({
        fullUrl: 'http://example.org/fhir/DiagnosticReport/mri1',
        resource: {
          resourceType: 'DiagnosticReport',
          id: 'mri1',
          status: 'final',
          category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'RAD' }] }],
          code: { coding: [{ system: 'http://loinc.org', code: '24531-6' }] },
          subject: { reference: 'Patient/SubscriberExample' },
          effectiveDateTime: '2026-09-30',
          issued: '2026-09-30T12:00:00Z',
        },
      });
      const si = (b.entry?.[0]?.resource as Claim).supportingInfo?.[0];
      if (si) si.valueReference = { reference: 'DiagnosticReport/mri1' };
    },
  ],
  [
    'Practitioner without identifier or family name (no clinic configured)',
    /Practitioner\.name\.family: expected 1\.\.1, found 0/,
    (b) => {
      const p = find<Practitioner>(b, 'Practitioner');
      delete p.identifier;
      p.name = [{ text: 'Ordering clinician' }];
    },
  ],
  [
    'supporting information without its reportTypeCode',
    /Extension\.extension \(slice reportTypeCode\): expected 1\.\.1, found 0/,
    (b) => {
      const info = (b.entry?.[0]?.resource as Claim).supportingInfo?.[0]?.extension?.[0];
      if (info) info.extension = info.extension?.filter((x) => x.url !== 'reportTypeCode');
    },
  ],
  [
    'item without category (a nested element validateResource alone does not check)',
    /Claim\.item\.category: expected 1\.\.1, found 0/,
    (b) => {
      delete (b.entry?.[0]?.resource as Claim).item?.[0]?.category;
    },
  ],
  [
    'an extension the PAS package does not define',
    /unknown extension http:\/\/hl7\.org\/fhir\/us\/davinci-pas\/StructureDefinition\/extension-nope/,
    (b) => {
      const claim = b.entry?.[0]?.resource as Claim;
      claim.extension = [
        ...(claim.extension ?? []),
        { url: 'http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-nope', valueString: 'x' },
      ];
    },
  ],
  [
    'an extension value of the wrong type for its definition',
    /extension-certificationType|Extension\.value\[x\]/,
    (b) => {
      const ext = (b.entry?.[0]?.resource as Claim).item?.[0]?.extension?.find((x) => x.url.endsWith('extension-certificationType'));
      if (ext) {
        delete ext.valueCodeableConcept;
        ext.valueString = 'I';
      }
    },
  ],
  [
    'a reference to an entry the bundle does not hold',
    /does not resolve to an entry of the bundle \(PAS spec-13\)/,
    (b) => {
      (b.entry?.[0]?.resource as Claim).patient = { reference: 'Patient/elsewhere' };
    },
  ],
];

describe('conformance validator on known-broken bundles (each one break in the IG referral example)', () => {
  for (const [name, expected, mutate] of BROKEN) {
    it(`rejects: ${name}`, () => {
      const b = example('Bundle-ReferralAuthorizationBundleExample.json');
      mutate(b);
      const errors = errorsOf(b);
      expect(errors.length).toBeGreaterThan(0);
      expect(
        errors.some((e) => expected.test(e)),
        errors.join('\n'),
      ).toBe(true);
    });
  }
});
