// Vital signs as US Core / FHIR vital-signs Observations (LOINC), used for realistic non-pain Observations.
import type { Observation } from 'fhir/r4';
import type { Chart } from './chart';
import { SYS } from './systems';

export function vital(c: Chart, date: string, enc: string, loinc: string, display: string, unit: string, value: number): void {
  c.add<Observation>({
    resourceType: 'Observation',
    id: c.nextId('vs'),
    status: 'final',
    category: [{ coding: [{ system: SYS.obsCategory, code: 'vital-signs', display: 'Vital Signs' }] }],
    code: { coding: [{ system: SYS.loinc, code: loinc, display }], text: display },
    subject: c.patientRef,
    encounter: { reference: `Encounter/${enc}` },
    effectiveDateTime: `${date}T08:50:00-05:00`,
    valueQuantity: { value, unit, system: SYS.ucum, code: unit },
  });
}

export function bloodPressure(c: Chart, date: string, enc: string, sys: number, dia: number): void {
  const q = (v: number) => ({ value: v, unit: 'mm[Hg]', system: SYS.ucum, code: 'mm[Hg]' });
  c.add<Observation>({
    resourceType: 'Observation',
    id: c.nextId('vs'),
    status: 'final',
    category: [{ coding: [{ system: SYS.obsCategory, code: 'vital-signs', display: 'Vital Signs' }] }],
    code: {
      coding: [{ system: SYS.loinc, code: '85354-9', display: 'Blood pressure panel with all children optional' }],
      text: 'Blood pressure',
    },
    subject: c.patientRef,
    encounter: { reference: `Encounter/${enc}` },
    effectiveDateTime: `${date}T08:50:00-05:00`,
    component: [
      { code: { coding: [{ system: SYS.loinc, code: '8480-6', display: 'Systolic blood pressure' }] }, valueQuantity: q(sys) },
      { code: { coding: [{ system: SYS.loinc, code: '8462-4', display: 'Diastolic blood pressure' }] }, valueQuantity: q(dia) },
    ],
  });
}
