// to-picture: pain scores, function, conservative care, imaging, note sources, and bad data.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { noteSources, toPicture } from '../../../src/fhir/picture/to-picture';
import { SYS, cc, ctx, med, obs, patient, procedure, record } from './fixtures';

describe('pain scores', () => {
  it('reads NRS (72514-3, 38208-5; quantity or integer) and VAS in mm', () => {
    const p = toPicture(
      record(
        obs('n1', cc(SYS.loinc, '72514-3', 'Pain severity 0-10 verbal numeric rating'), '2026-11-01', {
          valueQuantity: { value: 7, unit: '{score}' },
        }),
        obs('n2', cc(SYS.loinc, '38208-5', 'Pain severity - Reported', 'Worst pain'), '2026-10-01', { valueInteger: 8 }),
        obs('v1', { text: 'VAS' }, '2026-09-01', { valueQuantity: { value: 65, unit: 'mm' } }),
        obs('x', cc(SYS.loinc, '72514-3'), '2026-09-02', { valueQuantity: { value: 14 } }),
        obs('bp', cc(SYS.loinc, '8480-6', 'Systolic'), '2026-09-03', { valueQuantity: { value: 120 } }),
        obs('err', cc(SYS.loinc, '72514-3'), '2026-09-04', { valueInteger: 5, status: 'entered-in-error' }),
      ),
      ctx(),
    );
    expect(p.painScores.map((s) => [s.evidence[0]!.ref, s.instrument, s.value, s.context ?? null])).toEqual([
      ['Observation/v1', 'VAS', 6.5, null],
      ['Observation/n2', 'NRS', 8, 'worst'],
      ['Observation/n1', 'NRS', 7, null],
    ]);
    expect(p.painScores[2]!.code).toBe('72514-3');
  });
});

describe('real-world variants', () => {
  it('reads a pain score filed as a panel component and an R5-style Encounter.class', () => {
    const p = toPicture(
      record(
        obs('panel', cc(SYS.loinc, '85353-1', 'Vital signs panel'), '2026-11-02', {
          component: [
            { code: cc(SYS.loinc, '8480-6'), valueQuantity: { value: 130 } },
            { code: cc(SYS.loinc, '72514-3'), valueQuantity: { value: 6 } },
          ],
        }),
        { resourceType: 'Encounter', id: 'e', status: 'finished', class: [{ coding: [{ code: 'VR' }] }], period: { start: '2026-11-02' } },
      ),
      ctx(),
    );
    expect(p.painScores.map((s) => [s.evidence[0]!.ref, s.value, s.code])).toEqual([['Observation/panel', 6, '72514-3']]);
    expect(p.encounters.map((e) => e.kind)).toEqual(['telehealth']);
  });
});

describe('functional status', () => {
  it('reads ODI / NDI / PEG scores and described limitations', () => {
    const p = toPicture(
      record(
        obs('odi', { text: 'Oswestry Disability Index' }, '2026-11-01', { valueQuantity: { value: 42, unit: '%' } }),
        obs('ndi', { coding: [{ system: 'http://example.org', code: 'x', display: 'Neck Disability Index' }] }, '2026-10-01', {
          valueQuantity: { value: 30, unit: '%' },
        }),
        obs('peg', { text: 'PEG scale' }, '2026-09-01', { valueInteger: 6 }),
        obs('lim', { text: 'Functional limitation' }, '2026-08-01', {
          valueCodeableConcept: { text: 'Unable to stand more than 10 minutes' },
        }),
        obs('note', { text: 'Smoking status' }, '2026-08-02', { valueString: 'never' }),
        obs('odi-no-score', { text: 'Oswestry Disability Index' }, '2026-08-03', {}),
      ),
      ctx(),
    );
    expect(p.functionalStatus.map((f) => [f.evidence[0]!.ref, f.instrument ?? null, f.score ?? null, f.limitation ?? null])).toEqual([
      ['Observation/lim', null, null, 'Unable to stand more than 10 minutes'],
      ['Observation/peg', 'PEG', 6, null],
      ['Observation/ndi', 'NDI', 30, null],
      ['Observation/odi', 'ODI', 42, null],
    ]);
  });
});

describe('conservative care', () => {
  it('groups PT procedures and PT encounters into courses split by long gaps', () => {
    const p = toPicture(
      record(
        procedure('pt1', '97161', '2026-03-02'),
        procedure('pt2', '97110', '2026-03-09'),
        { resourceType: 'Encounter', id: 'ept', status: 'finished', type: [{ text: 'Physical therapy' }], period: { start: '2026-04-13' } },
        procedure('pt3', '97140', '2026-04-20', [], { outcome: { text: 'No improvement after 7 weeks' } }),
        procedure('pt4', '97530', '2026-11-16'),
        procedure('esi', '62323', '2026-05-01'),
      ),
      ctx(),
    );
    const pt = p.conservativeCare.filter((c) => c.kind === 'physical-therapy');
    expect(pt.map((c) => [c.start, c.end, c.weeks, c.outcome, c.evidence.length])).toEqual([
      ['2026-03-02', '2026-04-20', 7, 'failed', 4],
      ['2026-11-16', '2026-11-16', 0, 'ongoing', 1],
    ]);
    expect(pt[0]!.evidence.map((e) => e.ref)).toEqual(['Procedure/pt1', 'Procedure/pt2', 'Encounter/ept', 'Procedure/pt3']);
  });
  it('classifies medications by RxNorm and reads dates, weeks and outcome', () => {
    const p = toPicture(
      record(
        med('MedicationRequest', 'm1', '7258', 'naproxen 500 mg', {
          authoredOn: '2026-01-05',
          status: 'stopped',
          statusReason: { text: 'ineffective' },
          dispenseRequest: { validityPeriod: { end: '2026-03-02' } },
        }),
        med('MedicationStatement', 'm2', '21949', 'cyclobenzaprine', {
          effectivePeriod: { start: '2026-02-01', end: '2026-02-15' },
          statusReason: [{ text: 'drowsiness, not tolerated' }],
        }),
        med('MedicationRequest', 'm3', '999999', 'Gabapentin 300 MG Oral Capsule', { authoredOn: '2026-04-01', status: 'active' }),
        med('MedicationRequest', 'm4', '1191', 'aspirin', { authoredOn: '2026-04-02' }),
        med('MedicationRequest', 'm5', '161', 'acetaminophen', { authoredOn: '2026-04-03', status: 'entered-in-error' }),
        med('MedicationStatement', 'm6', '10689', 'tramadol', {
          effectiveDateTime: '2026-05-01',
          status: 'completed',
          note: [{ text: 'no relief' }],
        }),
        med('MedicationRequest', 'm7', '5640', 'ibuprofen', {
          authoredOn: '2026-06-01',
          status: 'stopped',
          statusReason: { text: 'GI upset' },
          dispenseRequest: { expectedSupplyDuration: { value: 30, code: 'd' }, numberOfRepeatsAllowed: 1 },
        }),
      ),
      ctx(),
    );
    expect(p.conservativeCare.map((c) => [c.evidence[0]!.ref, c.kind, c.start ?? null, c.weeks ?? null, c.outcome])).toEqual([
      ['MedicationRequest/m1', 'nsaid', '2026-01-05', 8, 'failed'],
      ['MedicationStatement/m2', 'muscle-relaxant', '2026-02-01', 2, 'not-tolerated'],
      ['MedicationRequest/m3', 'neuropathic-agent', '2026-04-01', null, 'ongoing'],
      ['MedicationStatement/m6', 'opioid', '2026-05-01', null, 'failed'],
      ['MedicationRequest/m7', 'nsaid', '2026-06-01', 8.6, 'not-tolerated'],
    ]);
  });
});

describe('imaging', () => {
  it('reads radiology reports with levels from the conclusion, and imaging procedures', () => {
    const p = toPicture(
      record(
        {
          resourceType: 'DiagnosticReport',
          id: 'r1',
          status: 'final',
          category: [cc('http://terminology.hl7.org/CodeSystem/v2-0074', 'RAD')],
          code: cc(SYS.loinc, '24531-6', 'MR Lumbar spine'),
          effectiveDateTime: '2026-02-10',
          conclusion: 'L4-5 disc protrusion contacting the right L5 nerve root; L5-S1 facet arthropathy.',
        },
        { resourceType: 'DiagnosticReport', id: 'lab', status: 'final', code: cc(SYS.loinc, '2345-7', 'Glucose') },
        procedure('ct', '72131', '2025-12-01', [], { note: [{ text: 'Mild stenosis L3-L4' }] }),
      ),
      ctx(),
    );
    expect(p.imaging.map((i) => [i.evidence[0]!.ref, i.modality, i.region, i.levels])).toEqual([
      ['Procedure/ct', 'CT', 'lumbar', ['L3-L4']],
      ['DiagnosticReport/r1', 'MRI', 'lumbar', ['L4-L5', 'L5-S1']],
    ]);
    expect(p.imaging[1]!.finding).toContain('protrusion');
  });
});

describe('note sources', () => {
  it('lists every attachment text with ref, title and date, ordered by date then ref', () => {
    const rec = record(
      {
        resourceType: 'DocumentReference',
        id: 'd2',
        status: 'current',
        type: cc(SYS.loinc, '11506-3', 'Progress note'),
        date: '2026-11-20T10:00:00Z',
        content: [{ attachment: { contentType: 'text/html' } }],
      },
      {
        resourceType: 'DocumentReference',
        id: 'd1',
        status: 'current',
        description: 'Consult',
        date: '2026-10-01',
        content: [{ attachment: { contentType: 'text/plain' } }],
      },
      { resourceType: 'DiagnosticReport', id: 'r1', status: 'final', code: { text: 'MRI L-spine' }, effectiveDateTime: '2026-02-10' },
      { resourceType: 'DocumentReference', id: 'bad', status: 7 } as never,
    );
    rec.attachments.set('DocumentReference/d2#0', { contentType: 'text/html', text: '<p>NRS 7/10</p>' });
    rec.attachments.set('DocumentReference/d1#0', { contentType: 'text/plain', text: 'PT failed' });
    rec.attachments.set('DiagnosticReport/r1#0', { contentType: 'text/plain', text: 'L4-5' });
    rec.attachments.set('DocumentReference/bad#0', { contentType: 'text/plain', text: 'x' });
    expect(noteSources(rec)).toEqual([
      { ref: 'DiagnosticReport/r1', title: 'MRI L-spine', date: '2026-02-10', contentType: 'text/plain', raw: 'L4-5' },
      { ref: 'DocumentReference/d1', title: 'Consult', date: '2026-10-01', contentType: 'text/plain', raw: 'PT failed' },
      {
        ref: 'DocumentReference/d2',
        title: 'Progress note',
        date: '2026-11-20T10:00:00Z',
        contentType: 'text/html',
        raw: '<p>NRS 7/10</p>',
      },
    ]);
    expect(toPicture(rec, ctx()).notes).toEqual([]);
  });
});

describe('narratives as note text', () => {
  it('reads Composition sections and a DiagnosticReport narrative when the report has no attached form', () => {
    const rec = record(
      {
        resourceType: 'Composition',
        id: 'c1',
        status: 'final',
        title: 'Pain consult',
        date: '2026-11-01',
        section: [
          { title: 'HPI', text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">NRS 7/10 for 6 months</div>' } },
          { title: 'Plan', text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">Left L5-S1 TFESI</div>' } },
          { title: 'Empty' },
        ],
      },
      { resourceType: 'Composition', id: 'gone', status: 'entered-in-error', text: { status: 'generated', div: '<div>NRS 9</div>' } },
      {
        resourceType: 'DiagnosticReport',
        id: 'r1',
        status: 'final',
        code: { text: 'MRI L-spine' },
        effectiveDateTime: '2026-02-10',
        text: { status: 'generated', div: '<div>L5-S1 protrusion</div>' },
      },
      {
        resourceType: 'DiagnosticReport',
        id: 'r2',
        status: 'final',
        code: { text: 'CT' },
        effectiveDateTime: '2026-03-10',
        text: { status: 'generated', div: '<div>narrative</div>' },
      },
    );
    rec.attachments.set('DiagnosticReport/r2#0', { contentType: 'text/plain', text: 'attached form wins' });
    const byRef = Object.fromEntries(noteSources(rec).map((n) => [n.ref, n]));
    expect(Object.keys(byRef).sort()).toEqual(['Composition/c1', 'DiagnosticReport/r1', 'DiagnosticReport/r2']);
    expect(byRef['Composition/c1']).toMatchObject({ title: 'Pain consult', date: '2026-11-01', contentType: 'application/xhtml+xml' });
    expect(byRef['Composition/c1']!.raw).toContain('<h2>HPI</h2>');
    expect(byRef['Composition/c1']!.raw).toContain('Left L5-S1 TFESI');
    expect(byRef['DiagnosticReport/r1']!.raw).toContain('L5-S1 protrusion');
    expect(byRef['DiagnosticReport/r2']!.raw).toBe('attached form wins');
  });
});

describe('bad data', () => {
  it('turns each malformed resource into a DataIssue with its id and path, keeping everything else', () => {
    const rec = record(
      patient(),
      { resourceType: 'Condition', id: 'ok', code: cc(SYS.icd10, 'M54.5') },
      { resourceType: 'Condition', id: 'bad', code: { coding: 'M54.5' } },
      { resourceType: 'Observation', id: 'nocode', status: 'final', valueInteger: 3 },
      { resourceType: 'Procedure', id: 'has space', status: 'completed' },
    );
    (rec.resources.Encounter ??= []).push(null, 'junk', 42);
    rec.issues.push({ resourceType: 'MedicationStatement', severity: 'warning', message: 'not permitted' });
    const p = toPicture(rec, ctx());
    expect(p.diagnoses.map((d) => d.id)).toEqual(['ok']);
    expect(p.dataIssues.find((i) => i.id === 'bad')).toMatchObject({ resourceType: 'Condition', path: 'code.coding', severity: 'error' });
    expect(p.dataIssues.find((i) => i.id === 'nocode')).toMatchObject({ resourceType: 'Observation', path: 'code' });
    expect(p.dataIssues.find((i) => i.id === 'has space')).toMatchObject({ resourceType: 'Procedure', path: 'id' });
    expect(p.dataIssues.filter((i) => i.resourceType === 'Encounter')).toHaveLength(3);
    expect(p.dataIssues[0]).toMatchObject({ resourceType: 'MedicationStatement' });
    expect(p.patient.sex).toBe('female');
  });

  it('never throws and is deterministic whatever the resources hold', () => {
    const types = [
      'Patient',
      'Encounter',
      'Condition',
      'Procedure',
      'Observation',
      'MedicationRequest',
      'ServiceRequest',
      'Coverage',
      'DiagnosticReport',
      'DocumentReference',
    ];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...types), fc.anything())), (pairs) => {
        const rec = record();
        for (const [t, v] of pairs) {
          const r = typeof v === 'object' && v !== null && !Array.isArray(v) ? { ...v, resourceType: t, id: 'x1' } : v;
          (rec.resources[t] ??= []).push(r);
        }
        const a = toPicture(rec, ctx({ serviceRequestIds: ['x1'] }));
        const b = toPicture(rec, ctx({ serviceRequestIds: ['x1'] }));
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      }),
      { numRuns: 200 },
    );
  });

  it('resource order in the record does not change the picture', () => {
    const items = [
      obs('n1', cc(SYS.loinc, '72514-3'), '2026-11-01', { valueInteger: 7 }),
      obs('n2', cc(SYS.loinc, '72514-3'), '2026-11-01', { valueInteger: 5 }),
      procedure('a', '64493', '2026-05-01'),
      procedure('b', '64493', '2026-05-01'),
    ];
    const fwd = toPicture(record(...items), ctx());
    const rev = toPicture(record(...[...items].reverse()), ctx());
    expect(rev).toEqual(fwd);
    expect(fwd.painScores.map((s) => s.evidence[0]!.ref)).toEqual(['Observation/n1', 'Observation/n2']);
  });
});

describe('missing fields', () => {
  it('bare resources yield no invented facts: only what is there, and an issue where a required element is absent', () => {
    const bare = [
      'Encounter',
      'Condition',
      'Procedure',
      'MedicationRequest',
      'MedicationStatement',
      'ServiceRequest',
      'DiagnosticReport',
      'DocumentReference',
      'Coverage',
      'Observation',
    ].map((resourceType, i) => ({ resourceType, id: `x${i}` }));
    const p = toPicture(record(...bare), ctx());
    expect(p.patient).toMatchObject({ id: 'p1' });
    expect(p.patient.birthDate).toBeUndefined();
    expect(
      [
        p.encounters,
        p.diagnoses,
        p.procedureHistory,
        p.plannedServices,
        p.painScores,
        p.functionalStatus,
        p.conservativeCare,
        p.imaging,
      ].map((a) => a.length),
    ).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(p.coverages).toEqual([expect.objectContaining({ id: 'x8', status: 'unknown' })]);
    expect(p.coverages[0]!.payerId).toBeUndefined();
    // Observation.code is required (1..1) and the only element every observation rule needs; a Condition with neither
    // a code nor text says nothing, and is named rather than dropped.
    expect(p.dataIssues).toEqual([
      expect.objectContaining({ resourceType: 'Observation', id: 'x9', path: 'code' }),
      expect.objectContaining({ resourceType: 'Condition', id: 'x1', path: 'code' }),
    ]);
  });
});
