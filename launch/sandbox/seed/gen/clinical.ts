// Shared clinical vocabulary (ICD-10-CM and SNOMED displays are public) and recurring chart patterns.
import type { Chart, CodeRef } from './chart';

export const ICD = {
  M54_16: { code: 'M54.16', display: 'Radiculopathy, lumbar region' },
  M54_17: { code: 'M54.17', display: 'Radiculopathy, lumbosacral region' },
  M51_16: { code: 'M51.16', display: 'Intervertebral disc disorders with radiculopathy, lumbar region' },
  M51_17: { code: 'M51.17', display: 'Intervertebral disc disorders with radiculopathy, lumbosacral region' },
  M54_12: { code: 'M54.12', display: 'Radiculopathy, cervical region' },
  M50_123: { code: 'M50.123', display: 'Cervical disc disorder at C6-C7 level with radiculopathy' },
  M48_062: { code: 'M48.062', display: 'Spinal stenosis, lumbar region with neurogenic claudication' },
  M48_061: { code: 'M48.061', display: 'Spinal stenosis, lumbar region without neurogenic claudication' },
  M47_816: { code: 'M47.816', display: 'Spondylosis without myelopathy or radiculopathy, lumbar region' },
  M47_812: { code: 'M47.812', display: 'Spondylosis without myelopathy or radiculopathy, cervical region' },
  M54_5: { code: 'M54.5', display: 'Low back pain' },
  M54_50: { code: 'M54.50', display: 'Low back pain, unspecified' },
  M54_2: { code: 'M54.2', display: 'Cervicalgia' },
  M79_18: { code: 'M79.18', display: 'Myalgia, other site' },
  M62_830: { code: 'M62.830', display: 'Muscle spasm of back' },
  M70_61: { code: 'M70.61', display: 'Trochanteric bursitis, right hip' },
  M53_3: { code: 'M53.3', display: 'Sacrococcygeal disorders, not elsewhere classified' },
  M46_1: { code: 'M46.1', display: 'Sacroiliitis, not elsewhere classified' },
  M96_1: { code: 'M96.1', display: 'Postlaminectomy syndrome, not elsewhere classified' },
  G89_29: { code: 'G89.29', display: 'Other chronic pain' },
  G89_4: { code: 'G89.4', display: 'Chronic pain syndrome' },
  I10: { code: 'I10', display: 'Essential (primary) hypertension' },
  E11_9: { code: 'E11.9', display: 'Type 2 diabetes mellitus without complications' },
  E78_5: { code: 'E78.5', display: 'Hyperlipidemia, unspecified' },
  M77_12: { code: 'M77.12', display: 'Lateral epicondylitis, left elbow' },
  S33_5XXA: { code: 'S33.5XXA', display: 'Sprain of ligaments of lumbar spine, initial encounter' },
  F41_1: { code: 'F41.1', display: 'Generalized anxiety disorder' },
  M17_11: { code: 'M17.11', display: 'Unilateral primary osteoarthritis, right knee' },
} as const satisfies Record<string, CodeRef>;

export const SCT = {
  lowBackPain: { code: '279039007', display: 'Low back pain' },
  sciatica: { code: '23056005', display: 'Sciatica' },
  hypertension: { code: '59621000', display: 'Essential hypertension' },
  diabetes2: { code: '44054006', display: 'Diabetes mellitus type 2' },
  hyperlipidemia: { code: '55822004', display: 'Hyperlipidemia' },
  lumbarStenosis: { code: '18347007', display: 'Spinal stenosis of lumbar region' },
} as const satisfies Record<string, CodeRef>;

/** Days added to an ISO date (UTC, no clock involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * A physical-therapy course: an evaluation then visits with timed codes, each visit an Encounter typed
 * "Physical therapy" with its Procedures. Returns the encounter ids. `outcome` goes on the discharge visit.
 */
export function ptCourse(chart: Chart, start: string, weeks: number, perWeek: 1 | 2 | 3, reason: string, outcome?: string): string[] {
  const ids: string[] = [];
  const evalEnc = chart.encounter({ date: start, type: 'pt', reason, minutes: 50 });
  ids.push(evalEnc.id ?? '');
  chart.procedure({ code: '97162', display: 'PT evaluation, moderate complexity', date: start, encounter: evalEnc.id });
  const offsets = perWeek === 1 ? [0] : perWeek === 2 ? [0, 3] : [0, 2, 4];
  const visit = (day: string, discharge: boolean): void => {
    const enc = chart.encounter({ date: day, type: 'pt', reason: discharge ? `${reason} (discharge visit)` : reason, minutes: 45 });
    ids.push(enc.id ?? '');
    // The discharge visit carries the course outcome, as therapists record it.
    chart.procedure({
      code: '97110',
      display: 'Therapeutic exercise',
      date: day,
      encounter: enc.id,
      ...(discharge && outcome ? { outcome } : {}),
    });
    if (!discharge) chart.procedure({ code: '97140', display: 'Manual therapy', date: day, encounter: enc.id });
  };
  for (let w = 0; w < weeks; w++) {
    for (const o of offsets) {
      if (w === 0 && o === 0) continue;
      visit(addDays(start, w * 7 + o), false);
    }
  }
  // The discharge visit closes the course exactly `weeks` weeks after the evaluation.
  visit(addDays(start, weeks * 7), true);
  return ids;
}

export const PT_FAILED = 'Goals not met; no improvement in pain or function, plateaued';
