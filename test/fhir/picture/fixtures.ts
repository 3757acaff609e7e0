// Small FHIR builders in the seed conventions (code systems, laterality codings, relief Observations).
import type { RawRecord } from '../../../src/fhir/read/read';

export { SYS } from '../../../src/fhir/picture/codes';
import { SYS } from '../../../src/fhir/picture/codes';

export type R = Record<string, unknown> & { resourceType: string; id: string };

export const cc = (system: string, code: string, display?: string, text?: string): Record<string, unknown> => ({
  coding: [{ system, code, ...(display ? { display } : {}) }],
  ...(text ? { text } : {}),
});

export const LEFT = { coding: [{ system: SYS.snomed, code: '7771000', display: 'Left' }] };
export const RIGHT = { coding: [{ system: SYS.snomed, code: '24028007', display: 'Right' }] };
export const BILATERAL = { coding: [{ system: SYS.snomed, code: '51440002', display: 'Bilateral' }] };

export function record(...resources: R[]): RawRecord {
  const byType: Record<string, unknown[]> = {};
  for (const r of resources) (byType[r.resourceType] ??= []).push(r);
  return { resources: byType, attachments: new Map(), issues: [], requests: 0 };
}

export const ctx = (over: Partial<{ encounterId: string; serviceRequestIds: string[]; today: string }> = {}) => ({
  patientId: 'p1',
  serviceRequestIds: [],
  today: '2026-11-23',
  ...over,
});

export const patient = (): R => ({
  resourceType: 'Patient',
  id: 'p1',
  birthDate: '1958-04-02',
  gender: 'female',
  name: [{ given: ['Ana'], family: 'Reyes' }],
  identifier: [{ type: { coding: [{ code: 'MR' }] }, value: 'MRN-1' }],
});

export const condition = (id: string, icd?: string, snomed?: string, extra: Record<string, unknown> = {}): R => ({
  resourceType: 'Condition',
  id,
  code: {
    coding: [
      ...(icd ? [{ system: SYS.icd10, code: icd, display: `dx ${icd}` }] : []),
      ...(snomed ? [{ system: SYS.snomed, code: snomed, display: `sct ${snomed}` }] : []),
    ],
  },
  clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
  recordedDate: '2026-06-01',
  ...extra,
});

export const procedure = (id: string, code: string, date: string, bodySite: unknown[] = [], extra: Record<string, unknown> = {}): R => ({
  resourceType: 'Procedure',
  id,
  status: 'completed',
  code: cc(code.startsWith('J') || code.startsWith('G') ? SYS.hcpcs : SYS.cpt, code),
  performedDateTime: date,
  bodySite,
  ...extra,
});

export const relief = (
  id: string,
  procId: string,
  percent: number,
  duration?: { value: number; code: string },
  date = '2026-05-02',
): R => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: cc(SYS.painObs, 'relief-percent'),
  partOf: [{ reference: `Procedure/${procId}` }],
  effectiveDateTime: date,
  valueQuantity: { value: percent, unit: '%', system: SYS.ucum, code: '%' },
  ...(duration
    ? {
        component: [
          { code: cc(SYS.painObs, 'relief-duration'), valueQuantity: { value: duration.value, system: SYS.ucum, code: duration.code } },
        ],
      }
    : {}),
});

export const obs = (id: string, code: Record<string, unknown>, date: string, value: Record<string, unknown>): R => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code,
  effectiveDateTime: date,
  ...value,
});

export const med = (
  type: 'MedicationRequest' | 'MedicationStatement',
  id: string,
  rx: string,
  name: string,
  extra: Record<string, unknown>,
): R => ({
  resourceType: type,
  id,
  status: 'completed',
  medicationCodeableConcept: { coding: [{ system: SYS.rxnorm, code: rx, display: name }], text: name },
  ...extra,
});

const FLOWSHEET = 'urn:oid:1.2.840.114350.1.13.0.1.7.2.707679'; // an Epic-style local flowsheet row system

/** A flowsheet row as Epic-style exports send it: a local code whose display names the row, a survey category. */
export const flowsheetRow = (
  id: string,
  display: string,
  value: Record<string, unknown>,
  date: string,
  extra: Record<string, unknown> = {},
): R => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  category: [cc('http://terminology.hl7.org/CodeSystem/observation-category', 'survey')],
  code: { coding: [{ system: FLOWSHEET, code: id.toUpperCase(), display }], text: display },
  subject: { reference: 'Patient/p1' },
  effectiveDateTime: date,
  ...value,
  ...extra,
});
