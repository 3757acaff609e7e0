// Held-out policy cases (README.md) on the SI joint (S2 summaries only).
import type { ClinicalPicture, PlannedService } from '../../../src/policy/index';
import type { PolicyCase } from './case';
import { H, dx, proc, nrs, fn, care, img, duration, sym, type SvcIn, svc, type PictureIn, picture } from './facts';
import { TODAY, PLANNED } from './baselines';
import { SRC } from './sources';

const cases: PolicyCase[] = [];
const add = (c: PolicyCase) => cases.push(c);

// ===== SI joint (S2 only) ===================================================================================
function siBase(o: Partial<PictureIn> & { svcIn?: Partial<SvcIn> } = {}): { picture: ClinicalPicture; service: PlannedService } {
  const service =
    o.service ??
    svc({
      code: '27096',
      kind: 'si-joint',
      region: 'sacral',
      levels: ['S1'],
      laterality: 'right',
      date: PLANNED,
      reasonIcd10: ['M46.1'],
      ...o.svcIn,
    });
  const p: PictureIn = {
    patientId: 'pt-si',
    birthDate: '1956-01-20',
    sex: 'female',
    visit: TODAY,
    payer: 'medicare',
    diagnoses: [dx('M46.1', 'Sacroiliitis, not elsewhere classified', '2026-06-01')],
    painScores: [nrs(7, TODAY)],
    functionalStatus: [fn('ODI', 40, TODAY, 'cannot sit through a church service')],
    conservativeCare: [
      care('physical-therapy', 'Physical therapy 6 weeks, pelvic stabilisation', '2026-08-03', '2026-09-14', 6, 'failed'),
      care('nsaid', 'Ibuprofen 600 mg three times daily', '2026-07-01', '2026-10-30', 17, 'failed'),
    ],
    imaging: [img('XR', '2026-07-15', 'sacral', ['S1'], 'Right sacroiliac joint sclerosis; lumbar spine without acute findings')],
    painDuration: [duration('2026-06-01', TODAY, 26)],
    symptoms: [sym('axial', true, 'sacral', TODAY, 'right'), sym('radicular', false, 'lumbar', TODAY)],
    noteText:
      'Right buttock pain below L5 over the sacroiliac joint since June 2026, NRS 7. Provocation: FABER positive, thigh thrust positive, compression positive, distraction negative (3 of 4 positive). Failed 6 weeks PT and ibuprofen. Plan: right SI joint injection under fluoroscopy with contrast.',
    ...o,
    service,
  };
  return { picture: picture(p), service };
}
{
  const s = svc({
    code: '64625',
    kind: 'other',
    region: 'sacral',
    levels: ['S1'],
    laterality: 'right',
    date: PLANNED,
    reasonIcd10: ['M46.1'],
  });
  const a = siBase({
    service: s,
    procedureHistory: [
      proc({
        code: '27096',
        kind: 'si-joint',
        date: '2026-09-28',
        region: 'sacral',
        levels: ['S1'],
        laterality: 'right',
        relief: [[85, H.sixHours, '2026-09-28']],
      }),
      proc({
        code: '27096',
        kind: 'si-joint',
        date: '2026-10-19',
        region: 'sacral',
        levels: ['S1'],
        laterality: 'right',
        relief: [[80, H.sixHours, '2026-10-19']],
      }),
    ],
  });
  add({
    id: 'SI-01',
    topic: 'si-joint',
    source: `${SRC.si}; L39455 / L39402 summaries both list SIJ RFA as not covered`,
    grade: 'S2',
    primaryText: false,
    description: 'SI joint radiofrequency ablation (64625) after two positive diagnostic SI injections: not covered under the SI LCDs',
    picture: a.picture,
    service: a.service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'SI joint RFA (64625) not covered' },
  });
}
{
  const a = siBase();
  add({
    id: 'SI-02',
    topic: 'si-joint',
    source: SRC.si,
    grade: 'S2',
    primaryText: false,
    advice: true,
    description:
      'First diagnostic SI injection: pain below L5 for 6 months, 3 positive provocation tests (note text only), 6 weeks PT failed, fluoroscopic guidance',
    picture: a.picture,
    service: a.service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready' },
  });
}

export const SI_JOINT_CASES: readonly PolicyCase[] = cases;
