// Child process of the notes bench: one extraction of 1 MB of note text in a fresh process, as a launch pays it
// (nothing warmed up). Prints one JSON line: wall and CPU milliseconds of that first call, and the module load.
import { performance } from 'node:perf_hooks';
import { visitsMegabyte } from './visits-megabyte';

const l0 = process.cpuUsage();
const t0 = performance.now();
const { extractNoteFacts } = await import('../../src/fhir/notes');
const loadMs = performance.now() - t0;
const loadCpu = process.cpuUsage(l0);
const text = visitsMegabyte();
const c0 = process.cpuUsage();
const t1 = performance.now();
const f = extractNoteFacts({ ref: 'DocumentReference/bench', title: 'bench', date: '2025-06-01', contentType: 'text/plain', text });
const wall = performance.now() - t1;
const c = process.cpuUsage(c0);
process.stdout.write(
  `${JSON.stringify({ wall, cpu: (c.user + c.system) / 1000, loadMs, loadCpu: (loadCpu.user + loadCpu.system) / 1000, facts: f.mentions.length, limits: f.limits.length })}\n`,
);
