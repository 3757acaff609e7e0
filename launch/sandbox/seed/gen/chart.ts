// A small builder for one synthetic patient's chart: diagnoses, visits, procedures, medications, imaging, orders and
// notes, on top of the scores (chart-scores.ts) and of the patient, coverages and stable ids (chart-core.ts).
import type {
  Binary,
  CodeableConcept,
  Condition,
  DiagnosticReport,
  DocumentReference,
  Encounter,
  MedicationRequest,
  MedicationStatement,
  Procedure,
  ServiceRequest,
} from 'fhir/r4';
import { CLINIC_ID, PRACTITIONER_ID, RX, SYS, type RxName, type Side } from './systems';
import { dt, bodySite, type CodeRef } from './chart-core';
import { ScoredChart } from './chart-scores';

export type { CodeRef } from './chart-core';

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

export class Chart extends ScoredChart {
  condition(c: {
    icd?: CodeRef;
    snomed?: CodeRef;
    text?: string;
    onset?: string;
    recorded: string;
    status?: 'active' | 'inactive' | 'resolved';
    abatement?: string;
    category?: 'problem-list-item' | 'encounter-diagnosis';
    encounter?: string;
  }): Condition {
    const coding = [
      ...(c.icd ? [{ system: SYS.icd10, code: c.icd.code, display: c.icd.display }] : []),
      ...(c.snomed ? [{ system: SYS.snomed, code: c.snomed.code, display: c.snomed.display }] : []),
    ];
    const category = c.category ?? 'problem-list-item';
    return this.add<Condition>({
      resourceType: 'Condition',
      id: this.nextId('cond'),
      clinicalStatus: { coding: [{ system: SYS.conditionClinical, code: c.status ?? 'active' }] },
      verificationStatus: { coding: [{ system: SYS.conditionVer, code: 'confirmed' }] },
      category: [{ coding: [{ system: SYS.conditionCategory, code: category }] }],
      code: { coding, text: c.text ?? c.icd?.display ?? c.snomed?.display },
      subject: this.patientRef,
      ...(c.encounter ? { encounter: { reference: `Encounter/${c.encounter}` } } : {}),
      ...(c.onset ? { onsetDateTime: c.onset } : {}),
      ...(c.abatement ? { abatementDateTime: c.abatement } : {}),
      recordedDate: c.recorded,
      recorder: { reference: `Practitioner/${PRACTITIONER_ID}` },
    });
  }

  encounter(e: {
    date: string;
    type: 'office' | 'procedure' | 'pt' | 'new';
    em?: string;
    minutes?: number;
    reason?: string;
    status?: Encounter['status'];
  }): Encounter {
    const text = { office: 'Office visit', new: 'New patient consultation', procedure: 'Procedure visit', pt: 'Physical therapy' }[e.type];
    const type: CodeableConcept = e.em ? { coding: [{ system: SYS.cpt, code: e.em }], text } : { text };
    // Office visits start at 09:00 and last the documented minutes (30 when not documented); PT at 15:00.
    const startMin = e.type === 'pt' ? 15 * 60 : 9 * 60;
    const endMin = startMin + (e.minutes ?? 30);
    const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00`;
    const start = dt(e.date, hhmm(startMin));
    const end = dt(e.date, hhmm(endMin));
    return this.add<Encounter>({
      resourceType: 'Encounter',
      id: this.nextId('enc'),
      status: e.status ?? 'finished',
      class: { system: SYS.actCode, code: 'AMB', display: 'ambulatory' },
      type: [type],
      subject: this.patientRef,
      participant: e.type === 'pt' ? [] : [{ individual: { reference: `Practitioner/${PRACTITIONER_ID}` } }],
      period: { start, end },
      ...(e.minutes ? { length: { value: e.minutes, unit: 'min', system: SYS.ucum, code: 'min' } } : {}),
      ...(e.reason ? { reasonCode: [{ text: e.reason }] } : {}),
      serviceProvider: { reference: `Organization/${CLINIC_ID}` },
    });
  }

  procedure(p: {
    code: string;
    display: string;
    date: string;
    levels?: string[];
    side?: Side;
    status?: Procedure['status'];
    encounter?: string;
    system?: 'cpt' | 'hcpcs';
    note?: string;
    reasons?: CodeRef[];
    basedOn?: string;
    regionText?: string;
    outcome?: string;
  }): Procedure {
    return this.add<Procedure>({
      resourceType: 'Procedure',
      id: this.nextId('proc'),
      status: p.status ?? 'completed',
      code: { coding: [{ system: p.system === 'hcpcs' ? SYS.hcpcs : SYS.cpt, code: p.code }], text: p.display },
      subject: this.patientRef,
      ...(p.encounter ? { encounter: { reference: `Encounter/${p.encounter}` } } : {}),
      ...(p.basedOn ? { basedOn: [{ reference: `ServiceRequest/${p.basedOn}` }] } : {}),
      performedDateTime: dt(p.date, '10:00:00'),
      performer: p.code.startsWith('97') ? [] : [{ actor: { reference: `Practitioner/${PRACTITIONER_ID}` } }],
      ...(p.levels || p.side ? { bodySite: bodySite(p.levels ?? [], p.side, p.regionText) } : {}),
      ...(p.reasons ? { reasonCode: p.reasons.map((r) => ({ coding: [{ system: SYS.icd10, code: r.code, display: r.display }] })) } : {}),
      ...(p.note ? { note: [{ text: p.note }] } : {}),
      ...(p.outcome ? { outcome: { text: p.outcome } } : {}),
    });
  }

  medRequest(m: {
    rx: RxName;
    text: string;
    start: string;
    end?: string;
    status: MedicationRequest['status'];
    reason?: string;
    encounter?: string;
  }): MedicationRequest {
    return this.add<MedicationRequest>({
      resourceType: 'MedicationRequest',
      id: this.nextId('medrx'),
      status: m.status,
      ...(m.reason ? { statusReason: { text: m.reason } } : {}),
      intent: 'order',
      medicationCodeableConcept: { coding: [{ system: SYS.rxnorm, code: RX[m.rx].code, display: RX[m.rx].display }], text: m.text },
      subject: this.patientRef,
      ...(m.encounter ? { encounter: { reference: `Encounter/${m.encounter}` } } : {}),
      authoredOn: m.start,
      requester: { reference: `Practitioner/${PRACTITIONER_ID}` },
      dosageInstruction: [{ text: m.text }],
      ...(m.end ? { dispenseRequest: { validityPeriod: { start: m.start, end: m.end } } } : {}),
    });
  }

  medStatement(m: {
    rx: RxName;
    text: string;
    start?: string;
    end?: string;
    status: MedicationStatement['status'];
    reason?: string;
    note?: string;
  }): MedicationStatement {
    const period =
      m.start || m.end ? { effectivePeriod: { ...(m.start ? { start: m.start } : {}), ...(m.end ? { end: m.end } : {}) } } : {};
    return this.add<MedicationStatement>({
      resourceType: 'MedicationStatement',
      id: this.nextId('medst'),
      status: m.status,
      ...(m.reason ? { statusReason: [{ text: m.reason }] } : {}),
      category: { coding: [{ system: SYS.medStatementCategory, code: 'patientspecified' }] },
      medicationCodeableConcept: { coding: [{ system: SYS.rxnorm, code: RX[m.rx].code, display: RX[m.rx].display }], text: m.text },
      subject: this.patientRef,
      ...period,
      ...(m.start || m.end ? { dateAsserted: m.start ?? m.end } : {}),
      ...(m.note ? { note: [{ text: m.note }] } : {}),
    });
  }

  imaging(i: {
    date: string;
    study: 'mri-lumbar' | 'mri-cervical' | 'xr-lumbar' | 'ct-lumbar' | 'xr-cervical' | 'xr-thoracic';
    conclusion: string;
  }): DiagnosticReport {
    const studies = {
      'mri-lumbar': {
        coding: [
          { system: SYS.loinc, code: '24531-6', display: 'MR Lumbar spine' },
          { system: SYS.cpt, code: '72148' },
        ],
        text: 'MRI lumbar spine without contrast',
      },
      'mri-cervical': { coding: [{ system: SYS.cpt, code: '72141' }], text: 'MRI cervical spine without contrast' },
      'xr-lumbar': { coding: [{ system: SYS.cpt, code: '72110' }], text: 'X-ray lumbar spine, 4 views' },
      'ct-lumbar': { coding: [{ system: SYS.cpt, code: '72131' }], text: 'CT lumbar spine without contrast' },
      'xr-cervical': { coding: [{ system: SYS.cpt, code: '72040' }], text: 'X-ray cervical spine, 2-3 views' },
      'xr-thoracic': { coding: [{ system: SYS.cpt, code: '72070' }], text: 'X-ray thoracic spine, 2 views' },
    };
    return this.add<DiagnosticReport>({
      resourceType: 'DiagnosticReport',
      id: this.nextId('dr'),
      status: 'final',
      category: [{ coding: [{ system: SYS.diagService, code: 'RAD', display: 'Radiology' }] }],
      code: studies[i.study],
      subject: this.patientRef,
      effectiveDateTime: dt(i.date, '14:00:00'),
      issued: dt(i.date, '18:30:00'),
      conclusion: i.conclusion,
    });
  }

  serviceRequest(s: {
    code: string;
    display: string;
    date: string;
    levels?: string[];
    side?: Side;
    reasons: CodeRef[];
    conditions?: string[];
    status?: ServiceRequest['status'];
    detail?: string;
    encounter?: string;
    authored: string;
    note?: string;
    regionText?: string;
    quantity?: number;
  }): ServiceRequest {
    return this.add<ServiceRequest>({
      resourceType: 'ServiceRequest',
      id: this.nextId('sr'),
      status: s.status ?? 'active',
      intent: 'order',
      category: [{ coding: [{ system: SYS.snomed, code: '387713003', display: 'Surgical procedure' }] }],
      code: { coding: [{ system: SYS.cpt, code: s.code }], text: s.display },
      ...(s.detail ? { orderDetail: [{ text: s.detail }] } : {}),
      ...(s.quantity ? { quantityQuantity: { value: s.quantity, unit: 'each' } } : {}),
      subject: this.patientRef,
      ...(s.encounter ? { encounter: { reference: `Encounter/${s.encounter}` } } : {}),
      occurrenceDateTime: dt(s.date, '08:00:00'),
      authoredOn: s.authored,
      requester: { reference: `Practitioner/${PRACTITIONER_ID}` },
      performer: [{ reference: `Practitioner/${PRACTITIONER_ID}` }],
      reasonCode: s.reasons.map((r) => ({ coding: [{ system: SYS.icd10, code: r.code, display: r.display }] })),
      ...(s.conditions ? { reasonReference: s.conditions.map((c) => ({ reference: `Condition/${c}` })) } : {}),
      insurance: this.coverageRefs(),
      ...(s.levels || s.side ? { bodySite: bodySite(s.levels ?? [], s.side, s.regionText) } : {}),
      ...(s.note ? { note: [{ text: s.note }] } : {}),
    });
  }

  /**
   * A clinical note. Plain text or HTML, inline base64 or (viaBinary) a `url` to a Binary in the same bundle,
   * which is how many EHRs serve larger notes.
   */
  note(n: {
    date: string;
    encounter?: string;
    title: string;
    body: string;
    html?: boolean;
    viaBinary?: boolean;
    consult?: boolean;
  }): DocumentReference {
    const id = this.nextId('note');
    const contentType = n.html ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8';
    const data = b64(n.body);
    let attachment: DocumentReference['content'][number]['attachment'] = { contentType, data, title: n.title };
    if (n.viaBinary) {
      const binId = `${id}-bin`;
      this.add<Binary>({ resourceType: 'Binary', id: binId, contentType, data });
      attachment = { contentType, url: `Binary/${binId}`, title: n.title, size: Buffer.byteLength(n.body, 'utf8') };
    }
    const loinc = n.consult ? { code: '11488-4', display: 'Consult note' } : { code: '11506-3', display: 'Progress note' };
    return this.add<DocumentReference>({
      resourceType: 'DocumentReference',
      id,
      status: 'current',
      docStatus: 'final',
      type: { coding: [{ system: SYS.loinc, ...loinc }], text: n.title },
      category: [
        {
          coding: [
            {
              system: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category',
              code: 'clinical-note',
              display: 'Clinical Note',
            },
          ],
        },
      ],
      subject: this.patientRef,
      date: dt(n.date, '17:00:00'),
      author: [{ reference: `Practitioner/${PRACTITIONER_ID}` }],
      custodian: { reference: `Organization/${CLINIC_ID}` },
      description: n.title,
      content: [{ attachment }],
      ...(n.encounter ? { context: { encounter: [{ reference: `Encounter/${n.encounter}` }], period: { start: dt(n.date) } } } : {}),
    });
  }
}
