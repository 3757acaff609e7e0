// Notes sent to the worker while the chart is read: the picture takes their facts only for the very note it builds,
// extracts whatever changed or came later, and ends up equal to the synchronous picture. The worker here is a stand-in
// speaking worker.ts's protocol (Node has no Web Worker), so the messages the app would send can be counted.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { extractNoteFacts } from '../../../src/fhir/notes';
import type { WorkerReply, WorkerRequest } from '../../../src/fhir/notes/worker';
import { WARM_UP_NOTE } from '../../../src/fhir/notes/warm-up';
import { buildPictureAsync } from '../../../src/fhir/picture/build-picture';
import { buildPicture } from '../../../src/fhir/picture/build-picture-sync';
import { noteFactsFor, notesOfType, prefetchNoteFacts } from '../../../src/fhir/picture/note-prefetch';
import { noteSources } from '../../../src/fhir/picture/to-picture';
import { toNoteDoc } from '../../../src/fhir/notes';
import { localReader, readPatientRecord } from '../../../src/fhir/index';
import visits from '../../fixtures/notes/visits.json';
import { ctx, patient, type R } from './fixtures';

const posted: WorkerRequest[] = [];

class FakeWorker {
  private readonly listeners = new Set<(e: { data: WorkerReply }) => void>();
  addEventListener(type: string, l: (e: { data: WorkerReply }) => void): void {
    if (type === 'message') this.listeners.add(l);
  }
  removeEventListener(type: string, l: (e: { data: WorkerReply }) => void): void {
    if (type === 'message') this.listeners.delete(l);
  }
  postMessage(req: WorkerRequest): void {
    posted.push(req);
    const reply: WorkerReply = { id: req.id, facts: req.notes.map(extractNoteFacts) };
    setTimeout(() => this.listeners.forEach((l) => l({ data: reply })), 0);
  }
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
let n = 0;
/** A note as an EHR sends it: a DocumentReference with its text inline. Each test's notes are its own (fresh ids). */
function docRef(text: string, extra: Record<string, unknown> = {}): R {
  n += 1;
  return {
    resourceType: 'DocumentReference',
    id: `note-${n}`,
    status: 'current',
    subject: { reference: 'Patient/p1' },
    date: `2026-10-${String(1 + (n % 28)).padStart(2, '0')}`,
    description: `Visit ${n}`,
    content: [{ attachment: { contentType: 'text/plain', data: b64(text) } }],
    ...extra,
  };
}

beforeAll(() => vi.stubGlobal('Worker', FakeWorker));
afterAll(() => vi.unstubAllGlobals());
beforeEach(() => void posted.splice(0));

describe('note prefetch', () => {
  it('a note prefetched as its search arrived is not sent again, and its facts are those of the note', async () => {
    const notes = [docRef(visits.notes[0]!), docRef(visits.notes[1]!)];
    prefetchNoteFacts('DocumentReference', notes);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.notes.map((d) => d.ref)).toEqual(notes.map((d) => `DocumentReference/${d.id}`));
    const docs = notesOfType('DocumentReference', notes);
    const facts = await noteFactsFor(docs);
    expect(posted).toHaveLength(1);
    expect(facts).toEqual(docs.map(extractNoteFacts));
    expect(facts.some((f) => f.painScores.length + f.conservativeCare.length > 0)).toBe(true);
  });

  it('a note that is not the one prefetched (its text changed) is extracted again, alone', async () => {
    const first = docRef(`${visits.notes[0]!}\nSecond visit.`);
    const second = docRef(`${visits.notes[1]!}\nSecond visit.`);
    prefetchNoteFacts('DocumentReference', [first, second]);
    const changed = {
      ...second,
      content: [{ attachment: { contentType: 'text/plain', data: b64(`${visits.notes[1]!}\nPain 9/10 today.`) } }],
    };
    const docs = notesOfType('DocumentReference', [first, changed]);
    const facts = await noteFactsFor(docs);
    expect(posted).toHaveLength(2);
    expect(posted[1]!.notes.map((d) => d.ref)).toEqual([`DocumentReference/${second.id}`]);
    expect(posted[1]!.notes[0]!.text).toContain('Pain 9/10 today.');
    expect(facts).toEqual(docs.map(extractNoteFacts));
  });

  it('a report read from an attached form (a Binary fetched later) is not prefetched from its narrative', () => {
    const narrative = { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">MRI: L4-L5 disc herniation.</div>' };
    const report = (id: string, extra: Record<string, unknown>) => ({
      resourceType: 'DiagnosticReport',
      id,
      status: 'final',
      subject: { reference: 'Patient/p1' },
      code: { text: 'MRI lumbar spine' },
      effectiveDateTime: '2026-09-01',
      text: narrative,
      ...extra,
    });
    const withForm = report('r-form', { presentedForm: [{ contentType: 'text/plain', url: 'Binary/b1' }] });
    const plain = report('r-plain', {});
    expect(notesOfType('DiagnosticReport', [withForm, plain]).map((d) => d.ref)).toEqual(['DiagnosticReport/r-plain']);
  });

  it('types without notes are not looked at', () => {
    prefetchNoteFacts('Observation', [{ resourceType: 'Observation', id: 'o1' }]);
    expect(notesOfType('Condition', [{ resourceType: 'Condition', id: 'c1' }])).toEqual([]);
    expect(posted).toHaveLength(0);
  });

  it('the app path (prefetch from the read, then buildPictureAsync) gives the synchronous picture', async () => {
    const notes = [docRef(`${visits.notes[0]!}\nSeen again today.`), docRef(`${visits.notes[1]!}\nSeen again today.`)];
    const reader = localReader([patient(), ...notes] as never);
    const record = await readPatientRecord(reader, 'p1', { onType: prefetchNoteFacts });
    expect(posted).toHaveLength(1);
    const picture = await buildPictureAsync(record, ctx());
    expect(posted).toHaveLength(1);
    expect(picture).toEqual(buildPicture(record, ctx()));
    expect(
      noteSources(record)
        .map(toNoteDoc)
        .map((d) => d.ref),
    ).toEqual(posted[0]!.notes.map((d) => d.ref));
  });
});

describe('the worker warm-up note', () => {
  it('exercises the fact families a real note needs (so their patterns are compiled before the first real note)', () => {
    const f = extractNoteFacts(WARM_UP_NOTE);
    expect(f.painScores.length).toBeGreaterThan(0);
    expect(f.conservativeCare.length).toBeGreaterThan(0);
    expect(f.imaging.length).toBeGreaterThan(0);
    expect(f.relief.length).toBeGreaterThan(0);
    expect(f.functionalStatus.length).toBeGreaterThan(0);
    expect(f.painDuration.length).toBeGreaterThan(0);
    expect(f.limits).toEqual([]);
  });
});
