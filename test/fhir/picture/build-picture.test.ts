// The whole read side: coded resources and note narratives end up in one picture, evidence pointing at the note.
import { describe, expect, it } from 'vitest';
import { buildPicture } from '../../../src/fhir/picture/build-picture-sync';
import { ctx, patient, record } from './fixtures';

describe('buildPicture', () => {
  it('finds the pain score in a Composition narrative and cites the exact span', () => {
    const rec = record(patient(), {
      resourceType: 'Composition',
      id: 'c1',
      status: 'final',
      title: 'Pain consult',
      date: '2026-11-01',
      section: [
        {
          title: 'HPI',
          text: {
            status: 'generated',
            div: '<div xmlns="http://www.w3.org/1999/xhtml"><p>Low back pain radiating to the left leg, rated 7/10 today.</p></div>',
          },
        },
      ],
    });
    const p = buildPicture(rec, ctx());
    const note = p.notes.find((n) => n.ref === 'Composition/c1');
    expect(note?.text).toContain('rated 7/10 today');
    expect(note?.text).not.toContain('<');
    const score = p.painScores.find((s) => s.evidence.some((e) => e.ref === 'Composition/c1'));
    expect(score?.value).toBe(7);
    const q = score!.evidence.find((e) => e.ref === 'Composition/c1')!.quote!;
    expect(note!.text.slice(q.start, q.end)).toBe(q.text);
  });
});
