// The conformance validator's own sanity, against the IG's own examples (read from the official package, not
// retyped): the PAS request examples pass with 0 errors, the one the IG ships broken fails where it is broken, and
// each known way of breaking a packet (the ones issue 12 found in ClaimReady's output) fails with the expected error.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Bundle, Claim, Coverage, PractitionerRole, Practitioner } from 'fhir/r4';
import { formatIssues, loadPackages, validatePasConformance } from '../../../launch/sandbox/conformance/index';
import { seedPacket } from './seed-packet';

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

// ClaimReady's own packet for a seed patient, broken back into the shape issue 12 found (and into each rule the
// in-house validator no longer restates): the official profiles must find each one. The unbroken packet has 0 errors.
type OldStyle = [name: string, expected: RegExp, mutate: (b: Bundle) => void];
const entryOf = <T>(b: Bundle, type: string): T => b.entry?.find((e) => e.resource?.resourceType === type)?.resource as T;
const claimOf = (b: Bundle): Claim => b.entry?.[0]?.resource as Claim;
const pointFirstSupportAt = (b: Bundle, resource: Record<string, unknown>): void => {
  const fullUrl = `urn:uuid:0f0f0f0f-0000-4000-8000-${String(b.entry?.length ?? 0).padStart(12, '0')}`;
  b.entry?.push({ fullUrl, resource: { ...resource, subject: claimOf(b).patient } as never });
  const si = claimOf(b).supportingInfo?.[0];
  if (si) si.valueReference = { reference: fullUrl };
};
const OLD_STYLE: OldStyle[] = [
  [
    "DocumentReference.type in ClaimReady's own code system",
    /DocumentReference\.type: the code is not in the required value set .*us-core-documentreference-type/,
    (b) => {
      entryOf<{ type: unknown }>(b, 'DocumentReference').type = {
        coding: [{ system: 'https://claimready.app/CodeSystem/document-type', code: 'pa-packet' }],
      };
    },
  ],
  [
    'Coverage without member id',
    /Coverage\.identifier \(slice memberid\): expected 1\.\.1, found 0/,
    (b) => void delete entryOf<Coverage>(b, 'Coverage').identifier,
  ],
  [
    'Coverage relationship only HL7 self, no subscriber',
    /Constraint self-beneficiary not met/,
    (b) => {
      const c = entryOf<Coverage>(b, 'Coverage');
      c.relationship = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/subscriber-relationship', code: 'self' }] };
      delete c.subscriber;
    },
  ],
  [
    'PractitionerRole without telecom or endpoint',
    /Constraint pd-1 not met/,
    (b) => {
      const r = entryOf<PractitionerRole>(b, 'PractitionerRole');
      delete r.telecom;
      delete r.endpoint;
    },
  ],
  [
    'MedicationStatement as supporting information',
    /points at a MedicationStatement; the profile allows profile-documentreference/,
    (b) =>
      pointFirstSupportAt(b, {
        resourceType: 'MedicationStatement',
        id: 'ms1',
        status: 'completed',
        medicationCodeableConcept: { text: 'naproxen' },
      }),
  ],
  [
    'MRI DiagnosticReport in the lab report slot',
    /DiagnosticReport\.category \(slice LaboratorySlice\): expected 1\.\.1, found 0/,
    (b) =>
      pointFirstSupportAt(b, {
        resourceType: 'DiagnosticReport',
        id: 'mri1',
        status: 'final',
        category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'RAD' }] }],
        code: { coding: [{ system: 'http://loinc.org', code: '24531-6' }] },
        effectiveDateTime: '2026-09-30',
        issued: '2026-09-30T12:00:00Z',
      }),
  ],
  [
    'Practitioner without identifier or family name (no clinic configured)',
    /Practitioner\.name\.family: expected 1\.\.1, found 0/,
    (b) => {
      const p = entryOf<Practitioner>(b, 'Practitioner');
      delete p.identifier;
      p.name = [{ text: 'Ordering clinician' }];
    },
  ],
  ['ClaimFirst', /Constraint ClaimFirst not met/, (b) => void b.entry?.reverse()],
  ['Bundle.type', /Bundle\.type must have the pattern value "collection"/, (b) => void (b.type = 'transaction')],
  ['Bundle.identifier', /Bundle\.identifier: expected 1\.\.1, found 0/, (b) => void delete b.identifier],
  ['Bundle.timestamp not an instant', /Bundle\.timestamp: Invalid instant format/, (b) => void (b.timestamp = '2026-11-20')],
  ['entry.fullUrl', /Bundle\.entry\.fullUrl: expected 1\.\.1, found 0/, (b) => void delete b.entry?.[1]?.fullUrl],
  [
    'entry.request',
    /Bundle\.entry\.request is not allowed by the profile \(0\.\.0\)/,
    (b) => {
      const e = b.entry?.[1];
      if (e) e.request = { method: 'POST', url: 'Patient' };
    },
  ],
  ['Claim.status', /Claim\.status must have the pattern value "active"/, (b) => void (claimOf(b).status = 'draft')],
  ['Claim.use', /Claim\.use must have the pattern value "preauthorization"/, (b) => void (claimOf(b).use = 'claim')],
  ['Claim.insurer', /Claim\.insurer: expected 1\.\.1, found 0/, (b) => void delete (claimOf(b) as Partial<Claim>).insurer],
  [
    'Claim.provider a Patient',
    /provider: points at a Patient; the profile allows profile-requestor \| profile-practitionerrole/,
    (b) => void (claimOf(b).provider = { ...claimOf(b).patient }),
  ],
  [
    'careTeam.provider a Practitioner',
    /careTeam\[0\]\.provider: points at a Practitioner/,
    (b) => {
      const ct = claimOf(b).careTeam?.[0];
      const pr = b.entry?.find((e) => e.resource?.resourceType === 'Practitioner');
      if (ct && pr?.fullUrl) ct.provider = { reference: pr.fullUrl };
    },
  ],
  [
    'insurance.focal false',
    /Claim\.insurance\.focal must have the pattern value true/,
    (b) => {
      const ins = claimOf(b).insurance[0];
      if (ins) ins.focal = false;
    },
  ],
  [
    'item without requestType',
    /Claim\.item\.extension \(slice requestType\): expected 1\.\.1, found 0/,
    (b) => {
      const it = claimOf(b).item?.[0];
      if (it) it.extension = it.extension?.filter((e) => !e.url.endsWith('serviceItemRequestType'));
    },
  ],
  ['item without category', /Claim\.item\.category: expected 1\.\.1, found 0/, (b) => void delete claimOf(b).item?.[0]?.category],
  [
    'item without place of service',
    /Claim\.item\.location\[x\]: expected 1\.\.1, found 0/,
    (b) => void delete claimOf(b).item?.[0]?.locationCodeableConcept,
  ],
  [
    'FullDateRule: a month as the service date',
    /invariant FullDateRule failed/,
    (b) => {
      const it = claimOf(b).item?.[0];
      if (it) it.servicedDate = '2026-12';
    },
  ],
  [
    'supporting information without documentInformation',
    /Claim\.supportingInfo\.extension \(slice documentInformation\): expected 1\.\.1, found 0/,
    (b) => void delete claimOf(b).supportingInfo?.[0]?.extension,
  ],
  [
    'the PDF by url instead of inline',
    /DocumentReference\.content\.attachment\.url is not allowed by the profile \(0\.\.0\)/,
    (b) => {
      const d = entryOf<{ content: { attachment: unknown }[] }>(b, 'DocumentReference');
      if (d.content[0]) d.content[0].attachment = { contentType: 'application/pdf', url: 'https://ehr/Binary/1' };
    },
  ],
];

describe("conformance validator on ClaimReady's own packets broken into the old style (seed pt-radic-ready)", () => {
  let packet: Bundle;
  beforeAll(async () => {
    packet = (await seedPacket('pt-radic-ready')).bundle;
  });
  it('the packet as built has 0 errors', () => {
    expect(errorsOf(packet)).toEqual([]);
  });
  for (const [name, expected, mutate] of OLD_STYLE) {
    it(`finds: ${name}`, () => {
      const b = structuredClone(packet);
      mutate(b);
      const errors = errorsOf(b);
      expect(
        errors.some((e) => expected.test(e)),
        errors.join('\n'),
      ).toBe(true);
    });
  }
});
