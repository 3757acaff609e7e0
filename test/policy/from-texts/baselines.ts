// Baselines. Each is complete for its policy under the Medicare texts, so that a case changes one thing.
import type { ClinicalPicture, Laterality, PlannedService, ProcedureFact, SpinalRegion } from '../../../src/policy/index';
import { H, dx, proc, nrs, fn, care, img, duration, sym, type SvcIn, svc, type PictureIn, picture } from './facts';

export const TODAY = '2026-12-01';
export const PLANNED = '2026-12-08';

/** Lumbar radiculopathy from a foraminal disc protrusion at L4-L5, left; TFESI L4-L5 left (64483). */
export function esiBase(o: Partial<PictureIn> & { svcIn?: Partial<SvcIn> } = {}): { picture: ClinicalPicture; service: PlannedService } {
  const service =
    o.service ??
    svc({
      code: '64483',
      kind: 'esi-transforaminal',
      region: 'lumbar',
      levels: ['L4-L5'],
      laterality: 'left',
      date: PLANNED,
      reasonIcd10: ['M51.16'],
      ...o.svcIn,
    });
  const p: PictureIn = {
    patientId: 'pt-esi',
    birthDate: '1953-04-11',
    sex: 'female',
    visit: TODAY,
    payer: 'medicare',
    // The diagnosis onset follows the pain onset when a case overrides the pain duration.
    diagnoses: [
      dx('M51.16', 'Intervertebral disc disorders with radiculopathy, lumbar region', o.painDuration?.[0]?.onset ?? '2026-07-20'),
    ],
    painScores: [nrs(7, TODAY)],
    functionalStatus: [fn('ODI', 46, TODAY, 'cannot walk more than one block or stand more than 10 minutes')],
    conservativeCare: [
      care('physical-therapy', 'Physical therapy 2x/week, lumbar stabilisation and nerve glides', '2026-09-02', '2026-10-14', 6, 'failed'),
      care('nsaid', 'Meloxicam 15 mg daily (prescription)', '2026-08-01', '2026-11-15', 15, 'failed'),
    ],
    imaging: [
      img('MRI', '2026-09-20', 'lumbar', ['L4-L5'], 'Left foraminal L4-L5 disc protrusion compressing the exiting left L4 nerve root'),
    ],
    painDuration: [duration('2026-07-20', TODAY, 19)],
    symptoms: [sym('radicular', true, 'lumbar', TODAY, 'left')],
    noteText:
      'Left anterior thigh and medial shin pain since July 2026, 7/10. Positive femoral stretch left, decreased left patellar reflex. ODI 46%. Failed 6 weeks PT and meloxicam. MRI: left foraminal L4-L5 protrusion compressing exiting L4. Plan: left L4-L5 transforaminal ESI under fluoroscopy with contrast.',
    ...o,
    service,
  };
  return { picture: picture(p), service };
}

/** Lumbar facet-mediated axial pain, M47.816; first diagnostic MBB L4-L5, L5-S1 bilateral (64493 + 64494). */
export function facetBase(o: Partial<PictureIn> & { svcIn?: Partial<SvcIn> } = {}): { picture: ClinicalPicture; service: PlannedService } {
  const service =
    o.service ??
    svc({
      code: '64493',
      kind: 'facet-mbb',
      region: 'lumbar',
      levels: ['L4-L5', 'L5-S1'],
      laterality: 'bilateral',
      date: PLANNED,
      reasonIcd10: ['M47.816'],
      ...o.svcIn,
    });
  const p: PictureIn = {
    patientId: 'pt-facet',
    birthDate: '1950-09-02',
    sex: 'male',
    visit: TODAY,
    payer: 'medicare',
    diagnoses: [
      dx('M47.816', 'Spondylosis without myelopathy or radiculopathy, lumbar region', o.painDuration?.[0]?.onset ?? '2025-11-15'),
    ],
    painScores: [nrs(6, TODAY)],
    functionalStatus: [fn('ODI', 38, TODAY, 'unable to stand at work bench more than 15 minutes')],
    conservativeCare: [
      care('physical-therapy', 'Physical therapy 8 weeks, core and extension programme', '2026-05-04', '2026-06-29', 8, 'failed'),
      care('nsaid', 'Naproxen 500 mg twice daily', '2026-02-01', '2026-06-30', 21, 'failed'),
      care('home-exercise', 'Daily home exercise programme', '2026-06-29', '2026-11-30', 22, 'failed'),
    ],
    imaging: [
      img(
        'MRI',
        '2026-06-10',
        'lumbar',
        ['L4-L5', 'L5-S1'],
        'Bilateral facet arthropathy with small effusions at L4-L5 and L5-S1; no disc herniation, no canal or foraminal stenosis',
      ),
    ],
    painDuration: [duration('2025-11-15', TODAY, 54)],
    symptoms: [sym('axial', true, 'lumbar', TODAY, 'bilateral'), sym('radicular', false, 'lumbar', TODAY)],
    noteText:
      'Axial low back pain since November 2025, worse with extension and rotation, no leg pain, denies radicular symptoms. NRS 6/10, ODI 38%. Failed PT, naproxen and home exercise. MRI: L4-L5 and L5-S1 facet arthropathy. Plan: bilateral L4-L5, L5-S1 medial branch blocks.',
    ...o,
    service,
  };
  return { picture: picture(p), service };
}

export const MBB = (
  date: string,
  pct: number | undefined,
  levels = ['L4-L5', 'L5-S1'],
  laterality: Laterality = 'bilateral',
): ProcedureFact =>
  proc({
    code: '64493',
    kind: 'facet-mbb',
    date,
    region: 'lumbar',
    levels,
    laterality,
    relief: pct === undefined ? [] : [[pct, H.sixHours, date]],
  });
export const RFA = (date: string, laterality: Laterality, rel?: [number, number, string], levels = ['L4-L5', 'L5-S1']): ProcedureFact =>
  proc({ code: '64635', kind: 'facet-rfa', date, region: 'lumbar', levels, laterality, relief: rel ? [rel] : [] });
export const ESI = (
  date: string,
  rel?: [number, number | undefined, string],
  code = '64483',
  levels = ['L4-L5'],
  region: SpinalRegion = 'lumbar',
  laterality: Laterality = 'left',
): ProcedureFact =>
  proc({
    code,
    kind: code.startsWith('6232') ? 'esi-interlaminar' : 'esi-transforaminal',
    date,
    region,
    levels,
    laterality,
    relief: rel ? [rel] : [],
  });
export const rfaSvc = (o: Partial<SvcIn> = {}) =>
  svc({
    code: '64635',
    kind: 'facet-rfa',
    region: 'lumbar',
    levels: ['L4-L5', 'L5-S1'],
    laterality: 'bilateral',
    date: PLANNED,
    reasonIcd10: ['M47.816'],
    ...o,
  });
