// @vitest-environment jsdom
// When the off-thread path fails, the picture is still built (on this thread, with the extractor loaded only then),
// with the note's facts in it: a failed worker never leaves the chart unread.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import type { RawRecord } from '../../src/fhir/index';

vi.mock('../../src/fhir/index', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/fhir/index')>()),
  buildPictureAsync: () => Promise.reject(new Error('note worker failed')),
}));
const { usePicture } = await import('../../src/ui/hooks/usePicture');

afterEach(cleanup);

const text = 'Pain is 7/10 today. She completed 8 weeks of physical therapy without relief.';
const record: RawRecord = {
  resources: {
    Patient: [{ resourceType: 'Patient', id: 'p1' }],
    DocumentReference: [
      {
        resourceType: 'DocumentReference',
        id: 'n1',
        status: 'current',
        date: '2026-11-20',
        subject: { reference: 'Patient/p1' },
        content: [{ attachment: { contentType: 'text/plain' } }],
      },
    ],
  },
  // The reader decodes attachments into the record; this is what it holds for the note's first attachment.
  attachments: new Map([['DocumentReference/n1#0', { contentType: 'text/plain', text }]]),
  issues: [],
  requests: 0,
  waves: 0,
  longestChain: 0,
};

describe('usePicture fallback', () => {
  it('builds the picture on this thread, notes included, when the async path fails', async () => {
    const { result } = renderHook(() => usePicture(record, { patientId: 'p1', serviceRequestIds: [], today: '2026-11-23' }));
    await waitFor(() => expect(result.current.current).toBe(true));
    const p = result.current.picture!;
    expect(p.notes.map((n) => n.ref)).toEqual(['DocumentReference/n1']);
    expect(p.painScores.map((s) => s.value)).toContain(7);
  });
});

describe('usePicture when both paths fail', () => {
  it('says it failed for this record instead of reading for ever', async () => {
    vi.resetModules();
    vi.doMock('../../src/fhir/index', async (importOriginal) => ({
      ...(await importOriginal<typeof import('../../src/fhir/index')>()),
      buildPictureAsync: () => Promise.reject(new Error('note worker failed')),
      buildPictureHere: () => Promise.reject(new Error('chunk did not load')),
    }));
    const { usePicture: usePictureFailing } = await import('../../src/ui/hooks/usePicture');
    const { result } = renderHook(() => usePictureFailing(record, { patientId: 'p1', serviceRequestIds: [], today: '2026-11-23' }));
    await waitFor(() => expect(result.current.failed).toBe(true));
    expect(result.current.picture).toBeUndefined();
    expect(result.current.current).toBe(false);
  });
});
