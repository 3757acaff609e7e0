// The core of one synthetic patient's chart (seed/gen/chart.ts builds on it): stable ids "<patient-id>-<kind><n>",
// unique across every bundle the sandbox loads into one server, the patient and their coverages.
import type { CodeableConcept, Coverage, FhirResource, Patient, Reference } from 'fhir/r4';
import { CLINIC_ID, LATERALITY, PAYERS, PRACTITIONER_ID, SYS, type PayerKey, type Side } from './systems';

export interface CodeRef {
  code: string;
  display: string;
}

export const dt = (d: string, time = '09:00:00'): string => (d.length === 10 ? `${d}T${time}-05:00` : d);

export function bodySite(levels: string[], side?: Side, regionText?: string): CodeableConcept[] {
  const sites: CodeableConcept[] = levels.map((lv) => ({ text: `${lv}${regionText ? ` ${regionText}` : ''}` }));
  if (side) {
    sites.push({
      coding: [{ system: SYS.snomed, code: LATERALITY[side].code, display: LATERALITY[side].display }],
      text: LATERALITY[side].display,
    });
  }
  return sites;
}

export class ChartCore {
  readonly resources: FhirResource[] = [];
  private counters = new Map<string, number>();
  readonly patientRef: Reference;
  private readonly coverages: string[] = [];
  private activeCoverages = 0;

  constructor(readonly pid: string) {
    this.patientRef = { reference: `Patient/${pid}` };
  }

  nextId(kind: string): string {
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    return `${this.pid}-${kind}${n}`;
  }

  add<T extends FhirResource>(r: T): T {
    this.resources.push(r);
    return r;
  }

  patient(p: { family: string; given: string[]; birthDate: string; gender: Patient['gender']; mrn: string; city: string }): Patient {
    return this.add<Patient>({
      resourceType: 'Patient',
      id: this.pid,
      identifier: [
        {
          use: 'usual',
          type: { coding: [{ system: SYS.idType, code: 'MR', display: 'Medical record number' }] },
          system: SYS.mrn,
          value: p.mrn,
        },
      ],
      active: true,
      name: [{ use: 'official', family: p.family, given: p.given }],
      gender: p.gender,
      birthDate: p.birthDate,
      address: [{ use: 'home', city: p.city, state: 'MA', country: 'US' }],
      generalPractitioner: [{ reference: `Practitioner/${PRACTITIONER_ID}` }],
      managingOrganization: { reference: `Organization/${CLINIC_ID}` },
    });
  }

  coverage(key: PayerKey, subscriberId: string, start: string, ended?: string): Coverage {
    const p = PAYERS[key];
    const c = this.add<Coverage>({
      resourceType: 'Coverage',
      id: this.nextId('cov'),
      status: ended ? 'cancelled' : 'active',
      type: { coding: [{ system: SYS.sopt, code: p.sopt, display: p.soptDisplay }] },
      subscriberId,
      beneficiary: this.patientRef,
      relationship: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/subscriber-relationship', code: 'self' }] },
      period: ended ? { start, end: ended } : { start },
      payor: [{ reference: `Organization/${p.id}`, display: p.display }],
      class: [{ type: { coding: [{ system: SYS.coverageClass, code: 'plan' }] }, value: p.identifier, name: p.plan }],
      ...(ended ? {} : { order: this.activeCoverages + 1 }),
    });
    this.coverages.push(key);
    if (!ended) this.activeCoverages++;
    return c;
  }

  payerKeys(): PayerKey[] {
    return [...this.coverages] as PayerKey[];
  }

  protected coverageRefs(): Reference[] {
    return this.resources
      .filter((r) => r.resourceType === 'Coverage' && r.status === 'active')
      .map((r) => ({ reference: `Coverage/${r.id}` }));
  }
}
