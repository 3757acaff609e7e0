// Observations on a synthetic chart: relief after an injection, pain scores, disability and function scales.
import type { CodeableConcept, Observation } from 'fhir/r4';
import { SYS } from './systems';
import { ChartCore, dt } from './chart-core';

export class ScoredChart extends ChartCore {
  /** Relief reported after an injection, linked to the procedure with partOf. */
  relief(procId: string, date: string, percent: number, duration?: [number, 'h' | 'd' | 'wk' | 'mo']): Observation {
    const unitName = { h: 'hours', d: 'days', wk: 'weeks', mo: 'months' };
    return this.add<Observation>({
      resourceType: 'Observation',
      id: this.nextId('relief'),
      status: 'final',
      category: [{ coding: [{ system: SYS.obsCategory, code: 'survey', display: 'Survey' }] }],
      code: {
        coding: [{ system: SYS.painObs, code: 'relief-percent', display: 'Pain relief after procedure' }],
        text: 'Pain relief after procedure (%)',
      },
      subject: this.patientRef,
      partOf: [{ reference: `Procedure/${procId}` }],
      effectiveDateTime: dt(date, '11:00:00'),
      valueQuantity: { value: percent, unit: '%', system: SYS.ucum, code: '%' },
      ...(duration
        ? {
            component: [
              {
                code: { coding: [{ system: SYS.painObs, code: 'relief-duration', display: 'Duration of relief' }] },
                valueQuantity: { value: duration[0], unit: unitName[duration[1]], system: SYS.ucum, code: duration[1] },
              },
            ],
          }
        : {}),
    });
  }

  pain(
    date: string,
    value: number,
    o: {
      loinc?: '72514-3' | '38208-5';
      integer?: boolean;
      category?: 'survey' | 'vital-signs';
      encounter?: string;
      status?: Observation['status'];
      time?: string;
    } = {},
  ): Observation {
    const loinc = o.loinc ?? '72514-3';
    const display = loinc === '72514-3' ? 'Pain severity - 0-10 verbal numeric rating [Score] - Reported' : 'Pain severity - Reported';
    const category = o.category ?? 'survey';
    return this.add<Observation>({
      resourceType: 'Observation',
      id: this.nextId('obs'),
      status: o.status ?? 'final',
      category: [{ coding: [{ system: SYS.obsCategory, code: category }] }],
      code: { coding: [{ system: SYS.loinc, code: loinc, display }], text: 'Pain score (NRS 0-10)' },
      subject: this.patientRef,
      ...(o.encounter ? { encounter: { reference: `Encounter/${o.encounter}` } } : {}),
      effectiveDateTime: dt(date, o.time ?? '09:05:00'),
      ...(o.integer ? { valueInteger: value } : { valueQuantity: { value, unit: '{score}', system: SYS.ucum, code: '{score}' } }),
    });
  }

  /** A survey-category Observation: the shape every scale and limitation shares. */
  private survey(date: string, time: string, code: CodeableConcept, value: Partial<Observation>, encounter?: string): Observation {
    return this.add<Observation>({
      resourceType: 'Observation',
      id: this.nextId('obs'),
      status: 'final',
      category: [{ coding: [{ system: SYS.obsCategory, code: 'survey' }] }],
      code,
      subject: this.patientRef,
      ...(encounter ? { encounter: { reference: `Encounter/${encounter}` } } : {}),
      effectiveDateTime: dt(date, time),
      ...value,
    });
  }

  vas(date: string, mm: number, encounter?: string): Observation {
    return this.survey(
      date,
      '09:05:00',
      { text: 'VAS' },
      { valueQuantity: { value: mm, unit: 'mm', system: SYS.ucum, code: 'mm' } },
      encounter,
    );
  }

  disability(
    date: string,
    instrument: 'Oswestry Disability Index' | 'Neck Disability Index',
    pct: number,
    encounter?: string,
  ): Observation {
    const code = {
      coding: [{ system: SYS.painObs, code: instrument === 'Oswestry Disability Index' ? 'odi' : 'ndi', display: instrument }],
      text: instrument,
    };
    return this.survey(date, '09:10:00', code, { valueQuantity: { value: pct, unit: '%', system: SYS.ucum, code: '%' } }, encounter);
  }

  peg(date: string, score: number, encounter?: string): Observation {
    const code = { text: 'PEG scale (pain, enjoyment, general activity)' };
    return this.survey(
      date,
      '09:10:00',
      code,
      { valueQuantity: { value: score, unit: '{score}', system: SYS.ucum, code: '{score}' } },
      encounter,
    );
  }

  limitation(date: string, text: string, encounter?: string): Observation {
    return this.survey(date, '09:12:00', { text: 'Functional limitation' }, { valueString: text }, encounter);
  }
}
