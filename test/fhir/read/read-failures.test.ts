// The read wave against an msw-served EHR (msw-ehr.ts): failures and retries (401, 429 with Retry-After, 5xx backoff,
// 403, non-Bundle answers, network failure, abort).
import { describe, expect, it } from 'vitest';
import { HttpResponse } from 'msw';
import { DEFAULT_TYPES, readPatientRecord, retryAfterMs } from '../../../src/fhir/read/read';
import { FhirReadError } from '../../../src/fhir/read/reader';
import { classifyLaunchFailure } from '../../../src/fhir/session/session';
import { PID, bundle, calls, log, noSleep, overrides, reader, startMswEhr } from './msw-ehr';

startMswEhr();

describe('readPatientRecord: failures and retries', () => {
  it('surfaces 401 as an expired session', async () => {
    overrides.Condition = () => HttpResponse.json({ resourceType: 'OperationOutcome' }, { status: 401 });
    const err = await readPatientRecord(reader, PID, noSleep).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FhirReadError);
    expect((err as FhirReadError).kind).toBe('expired');
  });

  it('honours Retry-After on 429 and then succeeds', async () => {
    overrides.Condition = (_u, n) =>
      n === 1 ? new HttpResponse(null, { status: 429, headers: { 'Retry-After': '2' } }) : bundle('Condition', ['c1']);
    const waits: number[] = [];
    const rec = await readPatientRecord(reader, PID, { sleep: async (ms) => void waits.push(ms) });
    expect(waits).toEqual([2000]);
    expect(rec.resources.Condition).toHaveLength(1);
    expect(calls.get('Condition')).toBe(2);
    expect(rec.requests).toBe(DEFAULT_TYPES.length + 1);
  });

  it('caps a long Retry-After', async () => {
    overrides.Condition = (_u, n) =>
      n === 1 ? new HttpResponse(null, { status: 429, headers: { 'Retry-After': '3600' } }) : bundle('Condition', []);
    const waits: number[] = [];
    await readPatientRecord(reader, PID, { types: ['Condition'], maxRetryAfterMs: 1500, sleep: async (ms) => void waits.push(ms) });
    expect(waits).toEqual([1500]);
  });

  it('retries a 500 with growing backoff and then succeeds', async () => {
    overrides.Procedure = (_u, n) => (n < 3 ? HttpResponse.json({}, { status: 503 }) : bundle('Procedure', ['x']));
    const waits: number[] = [];
    const rec = await readPatientRecord(reader, PID, { types: ['Procedure'], sleep: async (ms) => void waits.push(ms) });
    expect(rec.resources.Procedure).toHaveLength(1);
    expect(waits).toHaveLength(2);
    expect(waits[1]!).toBeGreaterThan(waits[0]!);
    expect(rec.requests).toBe(3);
    expect(rec.issues).toEqual([]);
  });

  it('gives up after 3 tries: the type becomes a DataIssue, other types are kept', async () => {
    overrides.Procedure = () => HttpResponse.json({}, { status: 500 });
    overrides.Condition = () => bundle('Condition', ['c1']);
    const rec = await readPatientRecord(reader, PID, { types: ['Procedure', 'Condition'], ...noSleep });
    expect(calls.get('Procedure')).toBe(3);
    expect(rec.resources.Condition).toHaveLength(1);
    expect(rec.issues).toEqual([expect.objectContaining({ resourceType: 'Procedure', severity: 'error', transient: true })]);
  });

  it('a type the EHR forbids (403) is skipped with a warning, without retries', async () => {
    overrides.MedicationStatement = () => HttpResponse.json({}, { status: 403 });
    const rec = await readPatientRecord(reader, PID, noSleep);
    expect(calls.get('MedicationStatement')).toBe(1);
    expect(rec.issues).toEqual([expect.objectContaining({ resourceType: 'MedicationStatement', severity: 'warning' })]);
    // A refusal is an answer: a relaunch would get the same, so it does not hold a packet back.
    expect(rec.issues[0]!.transient).toBeUndefined();
  });

  it('a forbidden Patient read ends the read as denied (the launch screen says so)', async () => {
    overrides[`Patient/${PID}`] = () => HttpResponse.json({}, { status: 403 });
    const err = await readPatientRecord(reader, PID, noSleep).catch((e: unknown) => e);
    expect((err as FhirReadError).kind).toBe('denied');
    expect(classifyLaunchFailure(err).kind).toBe('denied-scope');
  });

  it('a search answered with something other than a Bundle is an issue, not a crash', async () => {
    overrides.Encounter = () => HttpResponse.json({ resourceType: 'Patient' });
    const rec = await readPatientRecord(reader, PID, { types: ['Encounter', 'Condition'] });
    expect(rec.issues.map((i) => i.resourceType)).toEqual(['Encounter']);
  });

  it('network failure after retries is reported as unreachable', async () => {
    overrides.Condition = () => HttpResponse.error();
    const err = await readPatientRecord(reader, PID, noSleep).catch((e: unknown) => e);
    expect((err as FhirReadError).kind).toBe('unreachable');
    expect(calls.get('Condition')).toBe(3);
  });

  it('an aborted signal stops the read', async () => {
    const ac = new AbortController();
    ac.abort();
    const err = await readPatientRecord(reader, PID, { signal: ac.signal }).catch((e: unknown) => e);
    expect((err as FhirReadError).kind).toBe('aborted');
    expect(log).toHaveLength(0);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates, caps, and falls back', () => {
    expect(retryAfterMs('3', 100, 10_000)).toBe(3000);
    expect(retryAfterMs(new Date(Date.UTC(2026, 0, 1, 0, 0, 5)).toUTCString(), 100, 10_000, Date.UTC(2026, 0, 1))).toBe(5000);
    expect(retryAfterMs('99', 100, 2000)).toBe(2000);
    expect(retryAfterMs(undefined, 100, 2000)).toBe(100);
    expect(retryAfterMs('soon', 100, 2000)).toBe(100);
  });
});
