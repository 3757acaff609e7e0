// Policy core speed: assess 10,000 generated pictures (200 facts each) for one service, on one core.
// Pictures are generated in batches outside the timed region so memory stays small; only assess() is timed.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { assess } from '../../src/policy/assess';
import { emptyPicture } from '../../src/policy/picture';
import type { ClinicalPicture, Evidence, PlannedService, ServiceKind, SpinalRegion } from '../../src/policy/picture';
import { addDays } from '../../src/policy/dates';
import type { BenchResult } from './types';

const TODAY = '2026-11-23';
const PICTURES = 10_000;
// Small batches keep the generator's live pictures few, so its garbage does not run V8's collector inside the timed
// region (with 1,000-picture batches, GC threads billed ~600 ms of the generator's memory to assess()).
const BATCH = 100;

/** Deterministic PRNG (mulberry32) so every run measures the same pictures. */
export function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGIONS: SpinalRegion[] = ['cervical', 'lumbar', 'lumbar', 'thoracic'];
const LEVELS = ['C5-C6', 'C6-C7', 'L3-L4', 'L4-L5', 'L5-S1'];
const ICD = ['M54.16', 'M54.5', 'M47.816', 'M48.062', 'M51.16', 'G89.29', 'M54.50'];
const KINDS: ServiceKind[] = ['esi-transforaminal', 'esi-interlaminar', 'facet-mbb', 'facet-rfa'];
// Day strings made once, so generating pictures leaves little garbage for the timed region to collect.
const DAYS = Array.from({ length: 700 }, (_, i) => addDays(TODAY, -i));

/** 200 facts: 10 dx, 30 pain, 15 function, 25 care, 5 duration, 15 symptoms, 20 sites, 40 procedures, 10 imaging, 5 work, 25 encounters. */
export function picture(r: () => number, i: number): ClinicalPicture {
  const p = emptyPicture(`b${i}`);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const day = (): string => DAYS[Math.floor(r() * 700)]!;
  const ev = (): Evidence[] => [{ ref: `DocumentReference/d${Math.floor(r() * 1e6)}`, display: 'note' }];
  for (let k = 0; k < 10; k++)
    p.diagnoses.push({ icd10: pick(ICD), display: 'dx', clinicalStatus: 'active', onset: day(), source: 'coded', evidence: ev() });
  for (let k = 0; k < 30; k++)
    p.painScores.push({ instrument: 'NRS', value: Math.floor(r() * 11), raw: 'x', date: day(), source: 'note', evidence: ev() });
  for (let k = 0; k < 15; k++)
    p.functionalStatus.push({ instrument: 'ODI', score: Math.floor(r() * 100), date: day(), source: 'note', evidence: ev() });
  for (let k = 0; k < 25; k++) {
    const start = day();
    p.conservativeCare.push({
      kind: pick(['physical-therapy', 'nsaid', 'home-exercise'] as const),
      description: 'care',
      start,
      end: DAYS[Math.max(0, DAYS.indexOf(start) - Math.floor(r() * 60))]!,
      outcome: pick(['failed', 'helped', 'ongoing'] as const),
      source: 'note',
      evidence: ev(),
    });
  }
  for (let k = 0; k < 5; k++) p.painDuration.push({ weeks: Math.floor(r() * 60), asOf: day(), source: 'note', evidence: ev() });
  for (let k = 0; k < 15; k++)
    p.symptoms.push({
      kind: pick(['radicular', 'axial'] as const),
      present: r() > 0.2,
      region: pick(REGIONS),
      source: 'note',
      evidence: ev(),
    });
  for (let k = 0; k < 20; k++)
    p.siteMentions.push({
      context: pick(['plan', 'history', 'exam'] as const),
      levels: [pick(LEVELS)],
      laterality: pick(['left', 'right', 'bilateral'] as const),
      date: day(),
      source: 'note',
      evidence: ev(),
    });
  for (let k = 0; k < 40; k++) {
    p.procedureHistory.push({
      code: '64483',
      system: 'cpt',
      display: 'p',
      kind: pick(KINDS),
      date: day(),
      status: 'completed',
      region: pick(REGIONS),
      levels: [pick(LEVELS)],
      relief: [{ percent: Math.floor(r() * 100), durationHours: Math.floor(r() * 5000), measure: 'pain', source: 'note', evidence: ev() }],
      source: 'coded',
      evidence: ev(),
    });
  }
  for (let k = 0; k < 10; k++)
    p.imaging.push({ modality: 'MRI', date: day(), finding: 'stenosis', levels: [pick(LEVELS)], source: 'coded', evidence: ev() });
  for (let k = 0; k < 5; k++) p.visitWork.push({ date: day(), description: 'work', source: 'note', evidence: ev() });
  for (let k = 0; k < 25; k++)
    p.encounters.push({
      id: `e${k}`,
      date: day(),
      kind: 'office',
      status: 'finished',
      types: [],
      reasons: [],
      source: 'coded',
      evidence: ev(),
    });
  return p;
}

export const SERVICE: PlannedService = {
  code: '64483',
  kind: 'esi-transforaminal',
  region: 'lumbar',
  levels: ['L4-L5', 'L5-S1'],
  laterality: 'left',
  date: TODAY,
  reasonIcd10: ['M54.16'],
  source: 'coded',
  evidence: [{ ref: 'ServiceRequest/sr', display: 'order' }],
};

/**
 * A young-generation collection between generating and timing, so the generator's garbage is not billed to assess().
 * Not a full one: a full collection after every batch also discarded V8's compiled code (node --trace-opt: 6,078
 * TurboFan compiles in one run against 338 with this one), and recompiling it on helper threads was billed to
 * assess(), at about 40 % of the measured CPU. A pre-screening run over a schedule does not collect fully every 100
 * pictures.
 */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  return typeof gc === 'function' ? () => (gc as (options: { type: 'minor' }) => void)({ type: 'minor' }) : () => undefined;
}

/**
 * CPU ms of the main thread alone (Linux /proc; undefined elsewhere). Printed next to the process figure, which also
 * bills V8's helper threads (JIT compilation, parallel GC), so a reader can see how much of the total they take.
 */
function mainThreadCpuMs(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** A machine yardstick printed next to the result, so runs on different (or busy) machines can be compared: CPU µs to build and sort 40 numbers 1,000 times, after a warm-up. */
function yardstick(): number {
  sortLoop();
  return sortLoop();
}

function sortLoop(): number {
  const c0 = process.cpuUsage();
  let x = 0;
  for (let i = 0; i < 1000; i++) {
    const a = Array.from({ length: 40 }, (_, k) => (k * 7919 + i) % 97);
    a.sort((p, q) => p - q);
    x += a[3]!;
  }
  const c = process.cpuUsage(c0);
  return x >= 0 ? c.user + c.system : 0;
}

/** Pictures assessed, untimed, before measuring: a pre-screening run over a schedule is long-lived, so the figure
 * that matters is steady-state throughput, not V8 compiling assess() on its first thousand calls. Different seed:
 * none of the timed pictures is seen during the warm-up. */
const WARM_UP = 1_000;

interface Pass {
  cpuMs: number;
  wallMs: number;
  mainMs: number | undefined;
  verdicts: Record<'ready' | 'incomplete' | 'not-eligible', number>;
}

/** One full measurement: the same 10,000 pictures (seed 42), generated a batch at a time outside the timed region. */
function pass(gc: () => void): Pass {
  const r = rng(42);
  let wallMs = 0;
  let cpuUs = 0;
  let mainMs: number | undefined = 0;
  const verdicts = { ready: 0, incomplete: 0, 'not-eligible': 0 };
  for (let done = 0; done < PICTURES; done += BATCH) {
    const batch: ClinicalPicture[] = [];
    for (let i = 0; i < BATCH; i++) batch.push(picture(r, done + i));
    gc();
    const m0 = mainThreadCpuMs();
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const p of batch) verdicts[assess(p, SERVICE, 'medicare', TODAY).verdict]++;
    const c1 = process.cpuUsage(c0);
    wallMs += performance.now() - t0;
    cpuUs += c1.user + c1.system;
    const m1 = mainThreadCpuMs();
    mainMs = mainMs !== undefined && m0 !== undefined && m1 !== undefined ? mainMs + m1 - m0 : undefined;
  }
  return { cpuMs: cpuUs / 1000, wallMs, mainMs, verdicts };
}

/** Issue 9: the core reads as plain policy code (no caches, no JIT work-arounds) and keeps at least this throughput. */
const BUDGET_PER_SECOND = 5_000;

/** Passes over the same pictures; the median is reported so one burst of load on a shared machine does not decide. */
const PASSES = 3;

export async function run(): Promise<BenchResult[]> {
  const gc = collector();
  const warm = rng(7);
  for (let i = 0; i < WARM_UP; i++) assess(picture(warm, -1 - i), SERVICE, 'medicare', TODAY);
  const passes = Array.from({ length: PASSES }, () => pass(gc)).sort((a, b) => a.cpuMs - b.cpuMs);
  const m = passes[Math.floor(PASSES / 2)]!;
  // The budget is for one core: judge on this process's CPU time (main thread plus V8's helper threads), which other
  // work on a shared machine does not inflate; wall time is printed next to it.
  const perSecond = Math.round(PICTURES / (m.cpuMs / 1000));
  return [
    {
      name: `policy assess() throughput (10,000 pictures x 200 facts, one service; median of ${PASSES} passes after ${WARM_UP.toLocaleString('en-US')} untimed warm-up)`,
      value: perSecond,
      unit: 'assessments/s',
      budget: `>= ${BUDGET_PER_SECOND} /s`,
      ok: perSecond >= BUDGET_PER_SECOND,
      detail: `machine yardstick ${yardstick()} µs; passes cpu ${passes.map((p) => Math.round(p.cpuMs)).join(', ')} ms; median cpu ${Math.round(m.cpuMs)} ms${m.mainMs !== undefined ? ` (main thread ${Math.round(m.mainMs)} ms, the rest V8 JIT/GC threads)` : ''}, wall ${Math.round(m.wallMs)} ms (${Math.round(PICTURES / (m.wallMs / 1000))}/s wall); verdicts ${JSON.stringify(m.verdicts)}`,
    },
  ];
}
