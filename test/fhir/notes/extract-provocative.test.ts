// Sacroiliac provocative tests read from notes with the result written for each (external tester round 4, F3: a note
// with two positive and three negative tests met "at least three positive" because every named test counted).
// Sentences are written for this test in the shape of pain-clinic dictation (no real note text).
import { describe, expect, it } from 'vitest';
import { assess } from '../../../src/policy/assess';
import { emptyPicture, type PlannedService } from '../../../src/policy/picture';
import { mergeNoteFacts } from '../../../src/fhir/notes/merge-extracted';
import { extractNoteFacts } from '../../../src/fhir/notes/extract';

const TODAY = '2026-12-02';
const note = (text: string) => ({ ref: 'DocumentReference/n1', title: 'SI exam', date: '2026-11-18', contentType: 'text/plain', text });
const read = (text: string) =>
  extractNoteFacts(note(text))
    .provocativeTests.map((f) => `${f.test}:${f.result}`)
    .join(' ');
const si: PlannedService = {
  code: '27096',
  kind: 'si-joint',
  region: 'sacral',
  levels: [],
  laterality: 'right',
  reasonIcd10: ['M46.1'],
  date: '2026-12-10',
  source: 'coded',
  evidence: [],
};
const provocative = (text: string) =>
  assess(mergeNoteFacts(emptyPicture('p1'), [note(text)]), si, 'medicare', TODAY).findings.find(
    (f) => f.requirementId === 'si-provocative-tests',
  )!;

describe('sacroiliac provocative tests in notes', () => {
  it('F3: "Positive FABER and thigh thrust; Gaenslen, compression and distraction negative" is two positive, three negative', () => {
    const text = 'Positive FABER and thigh thrust on the right; Gaenslen, compression and distraction negative.';
    expect(read(text)).toBe('faber:positive thigh-thrust:positive gaenslen:negative compression:negative distraction:negative');
    const f = provocative(text);
    expect(f.status).toBe('missing');
    expect(f.message).toMatch(/^2 positive/);
  });

  it('a result before a list applies to the whole list', () => {
    const text = 'Positive FABER, Gaenslen, thigh thrust, SI compression and SI distraction on the right.';
    expect(read(text)).toBe('faber:positive gaenslen:positive thigh-thrust:positive compression:positive distraction:positive');
    expect(provocative(text).status).toBe('met');
    expect(read('Negative FABER, Gaenslen and thigh thrust.')).toBe('faber:negative gaenslen:negative thigh-thrust:negative');
  });

  it('a result after a list, and a result after each test', () => {
    expect(read('FABER, Gaenslen and thigh thrust were all negative.')).toBe('faber:negative gaenslen:negative thigh-thrust:negative');
    expect(read('FABER positive, thigh thrust positive, compression positive, distraction negative.')).toBe(
      'faber:positive thigh-thrust:positive compression:positive distraction:negative',
    );
    expect(read('FABER (+), Gaenslen (+), compression (-), distraction (+).')).toBe(
      'faber:positive gaenslen:positive compression:negative distraction:positive',
    );
  });

  it('"N of M tests positive (list)" reads the list as positive and the test after the semicolon by its own result', () => {
    expect(
      read('4 of 5 SI provocation tests positive on the right (thigh thrust, distraction, compression, FABER); Gaenslen negative.'),
    ).toBe('thigh-thrust:positive distraction:positive compression:positive faber:positive gaenslen:negative');
  });

  it('a test named with no result is unstated and does not count; bare "compression" alone is not a provocative test', () => {
    expect(read('Will check FABER, Gaenslen and thigh thrust at the next visit.')).toBe(
      'faber:unstated gaenslen:unstated thigh-thrust:unstated',
    );
    expect(provocative('Will check FABER, Gaenslen and thigh thrust at the next visit.').status).toBe('missing');
    expect(read('MRI shows nerve root compression at L5-S1.')).toBe('');
    expect(read('FABER negative for groin pain.')).toBe('faber:negative');
  });
});
