// to-picture: patient, encounters, coverage, diagnoses, procedure history (levels, laterality, relief), planned services.
import { describe, expect, it } from 'vitest';
import { toPicture } from '../../../src/fhir/picture/to-picture';
import { BILATERAL, LEFT, RIGHT, SYS, cc, condition, ctx, obs, patient, procedure, record, relief } from './fixtures';

describe('patient and encounters', () => {
  it('maps demographics with evidence', () => {
    const p = toPicture(record(patient()), ctx());
    expect(p.patient).toMatchObject({ id: 'p1', birthDate: '1958-04-02', sex: 'female', name: 'Ana Reyes', mrn: 'MRN-1' });
    expect(p.patient.evidence[0]!.ref).toBe('Patient/p1');
    expect([p.patient.family, p.patient.given]).toEqual(['Reyes', ['Ana']]);
  });
  // The parts are the packet's beneficiary name (US Core us-core-6): taken only as recorded, never split from text.
  it("takes the name's parts from the current official name; a name sent only as text has no parts", () => {
    const named = (name: unknown[]) => toPicture(record({ ...patient(), name }), ctx()).patient;
    const both = named([
      { use: 'old', family: 'Ortiz', given: ['Ana'] },
      { use: 'usual', text: 'Annie Reyes' },
      { use: 'official', text: 'Ana María Reyes', family: 'Reyes', given: ['Ana', 'María'] },
    ]);
    expect([both.name, both.family, both.given]).toEqual(['Ana María Reyes', 'Reyes', ['Ana', 'María']]);
    const textOnly = named([{ use: 'official', text: 'Ana Reyes' }]);
    expect([textOnly.name, textOnly.family, textOnly.given]).toEqual(['Ana Reyes', undefined, undefined]);
    const oldOnly = named([{ use: 'maiden', family: 'Ortiz', given: ['Ana'] }]);
    expect([oldOnly.name, oldOnly.family, oldOnly.given]).toEqual(['Ana Ortiz', undefined, undefined]);
  });
  it('classifies encounters, reads minutes and picks the launch encounter', () => {
    const p = toPicture(
      record(
        {
          resourceType: 'Encounter',
          id: 'e2',
          status: 'finished',
          class: { code: 'AMB' },
          type: [cc(SYS.cpt, '99214', 'Office visit')],
          period: { start: '2026-11-20T09:00:00Z' },
          length: { value: 0.5, code: 'h' },
        },
        {
          resourceType: 'Encounter',
          id: 'e1',
          status: 'finished',
          class: { code: 'AMB' },
          type: [{ text: 'Physical therapy' }],
          period: { start: '2026-09-01' },
        },
        {
          resourceType: 'Encounter',
          id: 'e3',
          status: 'finished',
          type: [{ text: 'Procedure visit' }],
          period: { start: '2026-11-20' },
          length: { value: 25, unit: 'min' },
        },
        { resourceType: 'Encounter', id: 'e4', status: 'entered-in-error', period: { start: '2026-11-01' } },
        { resourceType: 'Encounter', id: 'e5', status: 'finished' },
      ),
      ctx({ encounterId: 'e2' }),
    );
    expect(p.encounters.map((e) => [e.id, e.kind, e.minutes])).toEqual([
      ['e1', 'physical-therapy', undefined],
      ['e3', 'procedure', 25],
      ['e2', 'office', 30],
    ]);
    expect(p.encounter?.id).toBe('e2');
    expect(p.encounter?.types[0]).toEqual({ system: SYS.cpt, code: '99214', display: 'Office visit' });
  });
  it('dates an undated launch encounter today (its period is often filled only at close)', () => {
    const p = toPicture(
      record(
        { resourceType: 'Encounter', id: 'now', status: 'in-progress', type: [{ text: 'Office visit' }] },
        { resourceType: 'Encounter', id: 'old', status: 'finished' },
      ),
      ctx({ encounterId: 'now' }),
    );
    expect(p.encounter).toMatchObject({ id: 'now', date: '2026-11-23', kind: 'office' });
    expect(p.encounters.map((e) => e.id)).toEqual(['now']);
  });
  it('warns when the launch encounter is not in the record', () => {
    const p = toPicture(record(patient()), ctx({ encounterId: 'nope' }));
    expect(p.encounter).toBeUndefined();
    expect(p.dataIssues).toEqual([expect.objectContaining({ resourceType: 'Encounter', id: 'nope', severity: 'warning' })]);
  });
});

describe('coverage', () => {
  it('identifies the payer through the included Organization and the SOPT type', () => {
    const p = toPicture(
      record(
        { resourceType: 'Organization', id: 'org-mc', name: 'Medicare', identifier: [{ value: 'MEDICARE' }] },
        {
          resourceType: 'Coverage',
          id: 'cov1',
          status: 'active',
          order: 1,
          type: cc(SYS.sopt, '121', 'Medicare FFS'),
          payor: [{ reference: 'Organization/org-mc', display: 'Medicare Part B' }],
          class: [{ type: cc('http://terminology.hl7.org/CodeSystem/coverage-class', 'plan'), value: 'B', name: 'Part B' }],
          subscriberId: '1EG4-TE5-MK73',
          period: { start: '2023-01-01' },
        },
        { resourceType: 'Coverage', id: 'cov0', status: 'active', order: 2, payor: [{ reference: 'Organization/unknown' }] },
      ),
      ctx(),
    );
    expect(p.coverages[0]).toMatchObject({
      id: 'cov1',
      payerId: 'MEDICARE',
      payerName: 'Medicare Part B',
      typeCode: '121',
      planName: 'Part B',
      subscriberId: '1EG4-TE5-MK73',
      order: 1,
    });
    expect(p.coverages[0]!.evidence.map((e) => e.ref)).toEqual(['Coverage/cov1', 'Organization/org-mc']);
    // Without the Organization the reference id stands in for the payer id.
    expect(p.coverages[1]).toMatchObject({ id: 'cov0', payerId: 'unknown' });
  });
  it('reads the member id from the identifier typed MB (CARIN / US Core shape), else from subscriberId', () => {
    const typed = {
      resourceType: 'Coverage',
      id: 'c-mb',
      status: 'active',
      identifier: [
        { type: cc('http://terminology.hl7.org/CodeSystem/v2-0203', 'SN'), value: 'S-1' },
        { type: cc('http://terminology.hl7.org/CodeSystem/v2-0203', 'MB'), value: 'M-1' },
      ],
      subscriberId: 'S-1',
    };
    const epic = { resourceType: 'Coverage', id: 'c-sub', status: 'active', subscriberId: 'XJH1' };
    const none = { resourceType: 'Coverage', id: 'c-none', status: 'active' };
    const p = toPicture(record(typed, epic, none), ctx());
    const byId = new Map(p.coverages.map((c) => [c.id, c.memberId]));
    expect(Object.fromEntries(byId)).toEqual({ 'c-mb': 'M-1', 'c-sub': 'XJH1', 'c-none': undefined });
  });
});

describe('diagnoses', () => {
  it('keeps ICD-10-CM, SNOMED and text-only problems, maps status, skips entered-in-error', () => {
    const p = toPicture(
      record(
        condition('c1', 'M54.16', '18347007'),
        condition('c2', undefined, '279039007', { clinicalStatus: { coding: [{ code: 'resolved' }] }, recordedDate: '2025-01-01' }),
        condition('c3', 'M47.816', undefined, { verificationStatus: { coding: [{ code: 'entered-in-error' }] } }),
        { resourceType: 'Condition', id: 'c4', code: { text: 'back pain' } },
        condition('c5', 'm51.26', undefined, { clinicalStatus: undefined }),
      ),
      ctx(),
    );
    expect(p.diagnoses.map((d) => [d.id, d.icd10, d.snomed, d.clinicalStatus])).toEqual([
      ['c2', undefined, '279039007', 'resolved'],
      ['c1', 'M54.16', '18347007', 'active'],
      ['c5', 'M51.26', undefined, 'unknown'],
      ['c4', undefined, undefined, 'unknown'],
    ]);
    expect(p.diagnoses[3]!.evidence[0]).toMatchObject({ ref: 'Condition/c4', display: 'back pain (not coded)' });
    expect(p.diagnoses[1]!.evidence[0]).toMatchObject({ ref: 'Condition/c1', date: '2026-06-01' });
  });
});

describe('procedure history', () => {
  it('reads kind, levels, laterality (coded and worded), region and linked relief', () => {
    const p = toPicture(
      record(
        procedure('mbb1', '64493', '2026-05-01', [{ text: 'L4-L5' }, { text: 'L5-S1' }, BILATERAL]),
        procedure('tf1', '64483', '2026-03-01', [{ coding: [{ system: SYS.snomed, code: '123', display: 'L5/S1 foramen' }] }, LEFT]),
        procedure('mbb2', '64490', '2026-06-01', [{ text: 'right C5-7 medial branches' }]),
        procedure('il', '62323', '2026-02-01', []),
        relief('rel1', 'mbb1', 80, { value: 6, code: 'h' }),
        relief('rel2', 'tf1', 60, { value: 3, code: 'mo' }),
        relief('rel3', 'other', 50),
      ),
      ctx(),
    );
    const byId = Object.fromEntries(p.procedureHistory.map((x) => [x.id, x]));
    expect(p.procedureHistory.map((x) => x.id)).toEqual(['il', 'tf1', 'mbb1', 'mbb2']);
    expect(byId.mbb1).toMatchObject({
      kind: 'facet-mbb',
      levels: ['L4-L5', 'L5-S1'],
      laterality: 'bilateral',
      region: 'lumbar',
      system: 'cpt',
    });
    expect(byId.mbb1!.relief).toEqual([expect.objectContaining({ percent: 80, durationHours: 6, procedureRef: 'Procedure/mbb1' })]);
    expect(byId.tf1).toMatchObject({ kind: 'esi-transforaminal', levels: ['L5-S1'], laterality: 'left' });
    expect(byId.tf1!.relief[0]!.durationHours).toBe(3 * 730);
    expect(byId.mbb2).toMatchObject({ levels: ['C5-C6', 'C6-C7'], laterality: 'right', region: 'cervical' });
    expect(byId.il).toMatchObject({ kind: 'esi-interlaminar', levels: [], region: 'lumbar' });
    expect(byId.il!.laterality).toBeUndefined();
  });
  it('treats left and right codings together as bilateral and skips not-done, PT and imaging codes', () => {
    const p = toPicture(
      record(
        procedure('a', '64635', '2026-07-01', [{ text: 'L3-L4' }, LEFT, RIGHT]),
        procedure('b', '64493', '2026-07-02', [], { status: 'not-done' }),
        procedure('pt', '97110', '2026-07-03'),
        procedure('mri', '72148', '2026-07-04'),
        procedure('g', 'G0260', '2026-07-05'),
      ),
      ctx(),
    );
    expect(p.procedureHistory.map((x) => [x.id, x.laterality ?? null, x.kind])).toEqual([
      ['a', 'bilateral', 'facet-rfa'],
      ['g', null, 'si-joint'],
    ]);
    expect(p.procedureHistory[1]!.system).toBe('hcpcs');
  });
  it('takes the date from performedPeriod and ignores procedures without date or code', () => {
    const p = toPicture(
      record(
        {
          resourceType: 'Procedure',
          id: 'x',
          status: 'completed',
          code: cc(SYS.cpt, '20552'),
          performedPeriod: { start: '2026-01-05T10:00:00Z' },
        },
        { resourceType: 'Procedure', id: 'y', status: 'completed', code: cc(SYS.cpt, '20552') },
        { resourceType: 'Procedure', id: 'z', status: 'completed', performedDateTime: '2026-01-01' },
      ),
      ctx(),
    );
    expect(p.procedureHistory.map((x) => [x.id, x.date, x.kind])).toEqual([['x', '2026-01-05T10:00:00Z', 'trigger-point']]);
  });
  it('ignores out-of-range relief values', () => {
    const p = toPicture(record(procedure('a', '64493', '2026-05-01'), relief('r', 'a', 140)), ctx());
    expect(p.procedureHistory[0]!.relief).toEqual([]);
  });
});

describe('planned services', () => {
  const sr = (id: string, extra: Record<string, unknown> = {}) => ({
    resourceType: 'ServiceRequest',
    id,
    status: 'active',
    intent: 'order',
    code: cc(SYS.cpt, '64483'),
    bodySite: [{ text: 'L4-L5' }, RIGHT],
    reasonCode: [cc(SYS.icd10, 'M54.16')],
    occurrenceDateTime: '2026-12-01',
    ...extra,
  });
  it('puts the launch orders first and merges reasonCode with reasonReference ICD-10', () => {
    const p = toPicture(
      record(
        condition('c9', 'M51.16'),
        sr('sr-a', { occurrenceDateTime: '2026-11-30' }),
        sr('sr-b', {
          reasonReference: [{ reference: 'Condition/c9' }],
          code: cc(SYS.cpt, '20553'),
          bodySite: [],
          orderDetail: [{ text: 'trigger points, 4 muscles' }],
        }),
        sr('sr-c', { status: 'completed' }),
        sr('sr-d', { status: 'draft' }),
      ),
      ctx({ serviceRequestIds: ['sr-b'] }),
    );
    expect(p.plannedServices.map((s) => s.requestRef)).toEqual(['ServiceRequest/sr-b', 'ServiceRequest/sr-a']);
    const [b, a] = p.plannedServices;
    expect(b).toMatchObject({ code: '20553', kind: 'trigger-point', reasonIcd10: ['M54.16', 'M51.16'], muscleCount: 4 });
    expect(b!.evidence.map((e) => e.ref)).toEqual(['ServiceRequest/sr-b', 'Condition/c9']);
    expect(a).toMatchObject({
      code: '64483',
      levels: ['L4-L5'],
      laterality: 'right',
      region: 'lumbar',
      date: '2026-11-30',
      imageGuidance: true,
    });
  });
  it('reads image guidance from the order detail and flags unusable launch orders', () => {
    const p = toPicture(
      record(
        sr('fl', { code: cc(SYS.cpt, '62322'), orderDetail: [{ text: 'fluoroscopic guidance' }] }),
        sr('no', { code: cc(SYS.cpt, '62322'), orderDetail: [{ text: 'without imaging' }] }),
        sr('landmark', { code: { ...cc(SYS.hcpcs, 'G0260'), text: 'Right SI joint injection, landmark guided' } }),
        sr('si', { code: { ...cc(SYS.hcpcs, 'G0260'), text: 'Right SI joint injection' } }),
        sr('nocode', { code: { text: 'injection' } }),
      ),
      ctx({ serviceRequestIds: ['nocode'] }),
    );
    expect(p.plannedServices.map((s) => [s.requestRef, s.imageGuidance])).toEqual([
      ['ServiceRequest/fl', true],
      // Placed by touch, not imaging (external tester round 4, s12); an order that says nothing leaves it unknown.
      ['ServiceRequest/landmark', false],
      ['ServiceRequest/no', false],
      ['ServiceRequest/si', undefined],
    ]);
    expect(p.dataIssues).toEqual([expect.objectContaining({ resourceType: 'ServiceRequest', id: 'nocode' })]);
  });
});

// A relief Observation must never be mistaken for a function score.
describe('observation routing', () => {
  it('relief observations are not functional facts', () => {
    const p = toPicture(
      record(relief('r', 'x', 80), obs('f', { text: 'Functional limitation' }, '2026-05-01', { valueString: 'cannot stand 10 min' })),
      ctx(),
    );
    expect(p.functionalStatus.map((f) => f.evidence[0]!.ref)).toEqual(['Observation/f']);
  });
});

describe('site from the code text when bodySite is not coded', () => {
  it('reads levels and laterality from Procedure.code.text and muscles from ServiceRequest.code.text', () => {
    const p = toPicture(
      record(
        {
          resourceType: 'Procedure',
          id: 'a',
          status: 'completed',
          code: { coding: [{ system: SYS.cpt, code: '64483' }], text: 'Left L4-L5 transforaminal epidural' },
          performedDateTime: '2026-08-18',
        },
        {
          resourceType: 'Procedure',
          id: 'b',
          status: 'completed',
          code: { coding: [{ system: SYS.cpt, code: '64483' }], text: 'Left TFESI' },
          performedDateTime: '2026-08-19',
          bodySite: [{ text: 'L5-S1' }, RIGHT],
        },
        {
          resourceType: 'ServiceRequest',
          id: 's',
          status: 'active',
          intent: 'order',
          code: { coding: [{ system: SYS.cpt, code: '20553' }], text: 'Trigger point injections, 4 muscles' },
        },
      ),
      ctx(),
    );
    expect(p.procedureHistory.map((x) => [x.id, x.levels, x.laterality])).toEqual([
      ['a', ['L4-L5'], 'left'],
      ['b', ['L5-S1'], 'right'],
    ]);
    expect(p.plannedServices[0]!.muscleCount).toBe(4);
  });
});

describe('units as ordered', () => {
  it('carries ServiceRequest.quantity into the planned service, but never a muscle count', () => {
    const p = toPicture(
      record(
        {
          resourceType: 'ServiceRequest',
          id: 'scs',
          status: 'active',
          intent: 'order',
          code: { coding: [{ system: SYS.cpt, code: '63650' }] },
          quantityQuantity: { value: 2, unit: 'leads' },
          occurrenceDateTime: '2026-12-01',
        },
        {
          resourceType: 'ServiceRequest',
          id: 'tpi',
          status: 'active',
          intent: 'order',
          code: { coding: [{ system: SYS.cpt, code: '20553' }] },
          quantityQuantity: { value: 3, unit: 'muscles' },
          occurrenceDateTime: '2026-12-02',
        },
      ),
      ctx(),
    );
    const byRef = Object.fromEntries(p.plannedServices.map((s) => [s.requestRef, s]));
    expect(byRef['ServiceRequest/scs']!.quantity).toBe(2);
    expect(byRef['ServiceRequest/tpi']!.quantity).toBeUndefined();
    expect(byRef['ServiceRequest/tpi']!.muscleCount).toBe(3);
  });
});
