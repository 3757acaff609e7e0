// One measured budget. Each bench module exports `run(): Promise<BenchResult[]>`; test/bench/run.ts prints them all
// and exits non-zero when any is missed.
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** Human-readable budget, e.g. "<= 2000 ms" or ">= 10000 /s". */
  budget: string;
  ok: boolean;
  /** Extra numbers worth printing (e.g. request waves, per-type precision). */
  detail?: string;
}
