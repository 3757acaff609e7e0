// @vitest-environment jsdom
// The checklist's "no provisional verdict" rests on knowing whether the picture on screen was built from the record
// now in hand: while the final picture is still being built the provisional one stays up, marked not current.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, renderHook } from '@testing-library/react';
import type { ClinicalPicture } from '../../src/policy/picture';
import { emptyPicture } from '../../src/policy/picture';
import type { RawRecord } from '../../src/fhir/index';

const pending: { record: RawRecord; resolve: (p: ClinicalPicture) => void }[] = [];
vi.mock('../../src/fhir/index', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/fhir/index')>()),
  buildPictureAsync: (record: RawRecord) => new Promise<ClinicalPicture>((resolve) => pending.push({ record, resolve })),
}));
const { usePicture } = await import('../../src/ui/hooks/usePicture');

afterEach(cleanup);

const rec = (n: number): RawRecord => ({
  resources: { Patient: [{ n }] },
  attachments: new Map(),
  issues: [],
  requests: 0,
  waves: 0,
  longestChain: 0,
});
const ctx = { patientId: 'p1', serviceRequestIds: [], today: '2026-11-23' };

describe('usePicture', () => {
  it('is current only once the picture of the latest record is built', async () => {
    const partial = rec(1);
    const whole = rec(2);
    const { result, rerender } = renderHook(({ r }) => usePicture(r, ctx), { initialProps: { r: partial } });
    expect(result.current).toEqual({ picture: undefined, current: false, failed: false });
    const early = emptyPicture('early');
    await act(async () => pending.shift()!.resolve(early));
    expect(result.current.picture).toBe(early);
    expect(result.current.current).toBe(true);
    // The whole record arrives: the provisional picture stays on screen, but it is no longer current.
    rerender({ r: whole });
    expect(result.current.picture).toBe(early);
    expect(result.current.current).toBe(false);
    const final = emptyPicture('final');
    const job = pending.shift()!;
    expect(job.record).toBe(whole);
    await act(async () => job.resolve(final));
    expect(result.current).toEqual({ picture: final, current: true, failed: false });
  });
});
