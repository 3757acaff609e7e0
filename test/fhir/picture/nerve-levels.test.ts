// F16 (external tester, round 2): a facet order that names the nerves it blocks ("L3, L4 medial branches and L5
// dorsal ramus") was read as three levels L3, L4, L5 and failed the 2-level limit, which counts joints. Anatomy
// (Bogduk, Clinical and Radiological Anatomy of the Lumbar Spine; Spine Intervention Society practice guidelines,
// medial branch blocks): lumbar joint Lx-Lx+1 is supplied by the Lx-1 and Lx medial branches, L5-S1 by the L4
// medial branch and the L5 dorsal ramus; cervical joint Cx-Cx+1 by the Cx and Cx+1 medial branches. Order texts
// below are invented for the test.
import { describe, expect, it } from 'vitest';
import { levelsInText, siteOf } from '../../../src/fhir/picture/sites';
import { plannedServices } from '../../../src/fhir/picture/planned';
import type { ServiceRequestR } from '../../../src/fhir/picture/schemas';
import type { DataIssue } from '../../../src/policy/picture';
import { jointsOfNerves } from '../../../src/policy/levels';
import { assess } from '../../../src/policy/assess';
import { facetPicture, TODAY } from '../../policy/build';

describe('jointsOfNerves', () => {
  it.each([
    [
      ['L3', 'L4', 'L5'],
      ['L4-L5', 'L5-S1'],
    ],
    [['L3', 'L4'], ['L4-L5']],
    [['L4', 'L5'], ['L5-S1']],
    [
      ['L2', 'L3', 'L4', 'L5'],
      ['L3-L4', 'L4-L5', 'L5-S1'],
    ],
    [['C3', 'C4'], ['C3-C4']],
    [
      ['C4', 'C5', 'C6'],
      ['C4-C5', 'C5-C6'],
    ],
  ])('%j -> %j', (nerves, joints) => {
    expect(jointsOfNerves(nerves)).toEqual(joints);
  });

  it.each([[['L4']], [['L2', 'L4', 'L5']], [['T5', 'T6']], [['L5', 'S1']], [['C7', 'L1']]])(
    '%j cannot be read as joints (unpaired nerve, thoracic, sacral or mixed regions)',
    (nerves) => {
      expect(jointsOfNerves(nerves)).toBeUndefined();
    },
  );
});

describe('levelsInText with nerve names (facet services only)', () => {
  it.each([
    ['left L3 and L4 medial branches, L5 dorsal ramus', ['L4-L5', 'L5-S1']],
    ['L3 MB, L4 MB, L5 DR bilateral', ['L4-L5', 'L5-S1']],
    ['L2, L3, L4 medial branches and L5 dorsal primary ramus', ['L3-L4', 'L4-L5', 'L5-S1']],
    ['right L3, L4 medial branches and L5 dorsal ramus (L4-L5, L5-S1 joints)', ['L4-L5', 'L5-S1']],
    ['right C3 and C4 medial branches', ['C3-C4']],
    // Joints written as joints stay as written.
    ['bilateral L4-L5, L5-S1 facet joints', ['L4-L5', 'L5-S1']],
    ['bilateral L3-L5 medial branches', ['L3-L4', 'L4-L5']],
    // No nerve word: single vertebrae stay vertebrae ("Dr." is the physician, not a dorsal ramus).
    ['L3, L4, L5 per Dr. Smith', ['L3', 'L4', 'L5']],
    // A nerve that supplies none of the joints found: not guessed.
    ['L4 medial branch', ['L4']],
  ])('%s -> %j', (text, levels) => {
    expect(levelsInText(text, true)).toEqual(levels);
  });

  it('without the facet flag the words are not read as nerves', () => {
    expect(levelsInText('L3 and L4 medial branches, L5 dorsal ramus')).toEqual(['L3', 'L4', 'L5']);
  });

  it('siteOf reads one bodySite per nerve together, only for a facet code', () => {
    const sites = [{ text: 'L3 medial branch right' }, { text: 'L4 medial branch right' }, { text: 'L5 dorsal ramus right' }];
    expect(siteOf(sites, '64493').levels).toEqual(['L4-L5', 'L5-S1']);
    expect(siteOf(sites, '64635').levels).toEqual(['L4-L5', 'L5-S1']);
    // A transforaminal ESI names nerve roots by vertebra: unchanged.
    expect(siteOf(sites, '64483').levels).toEqual(['L3', 'L4', 'L5']);
  });
});

function order(bodySite: string[], text: string): ServiceRequestR {
  return {
    resourceType: 'ServiceRequest',
    id: 'sr-f16',
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    code: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '64493' }], text },
    occurrenceDateTime: TODAY,
    bodySite: bodySite.map((t) => ({ text: t })),
  } as ServiceRequestR;
}

function levelsFinding(sr: ServiceRequestR) {
  const issues: DataIssue[] = [];
  const [service] = plannedServices([sr], [], [], issues);
  const p = facetPicture();
  p.siteMentions = [];
  const f = assess(p, service!, 'medicare', TODAY).findings.find((x) => x.requirementId === 'facet-levels');
  if (!f) throw new Error('no facet-levels finding');
  return { service: service!, status: f.status, issues };
}

describe('FJ-LEVELS (at most 2 joint levels per session) on an order named by nerves', () => {
  it('nerves for two joints -> 2 levels, met; bodySite and text agree, so no data issue', () => {
    const r = levelsFinding(
      order(['L3 medial branch right', 'L4 medial branch right', 'L5 dorsal ramus right'], 'Right L3, L4 MB and L5 DR block'),
    );
    expect(r.service.levels).toEqual(['L4-L5', 'L5-S1']);
    expect(r.status).toBe('met');
    expect(r.issues).toEqual([]);
  });

  it('nerves for three joints (L2, L3, L4 MB + L5 DR) -> 3 joint levels, not-met', () => {
    const r = levelsFinding(order([], 'Left L2, L3, L4 medial branches and L5 dorsal ramus block'));
    expect(r.service.levels).toEqual(['L3-L4', 'L4-L5', 'L5-S1']);
    expect(r.status).toBe('not-met');
  });

  it('explicit joint levels are unchanged', () => {
    expect(levelsFinding(order(['L4-L5 facet joint', 'L5-S1 facet joint'], 'MBB')).service.levels).toEqual(['L4-L5', 'L5-S1']);
    const three = levelsFinding(order([], 'MBB bilateral L3-L4, L4-L5, L5-S1'));
    expect(three.service.levels).toEqual(['L3-L4', 'L4-L5', 'L5-S1']);
    expect(three.status).toBe('not-met');
  });
});
