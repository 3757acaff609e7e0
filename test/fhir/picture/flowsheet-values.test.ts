// Flowsheet pain rows as Epic-style exports send them: the number as text (valueString "7", "6/10") or as an answer
// whose text or display is the number; a row whose value is words is named, never silently dropped.
import { describe, expect, it } from 'vitest';
import { toPicture } from '../../../src/fhir/picture/to-picture';
import { ctx, flowsheetRow as row, patient, record } from './fixtures';

describe('pain scores whose number arrives as text', () => {
  it('reads valueString and an answer concept whose text or display is the number', () => {
    const p = toPicture(
      record(
        patient(),
        row('s1', 'PAIN SCORE (0-10)', { valueString: '7' }, '2026-10-01'),
        row('s2', 'Pain Score NRS 0-10', { valueString: ' 6/10 ' }, '2026-10-02'),
        row(
          's3',
          'Pain intensity',
          { valueCodeableConcept: { coding: [{ system: 'http://loinc.org', code: 'LA-x', display: '5' }] } },
          '2026-10-03',
        ),
        row('s4', 'Pain rating', { valueCodeableConcept: { text: '4' } }, '2026-10-04'),
      ),
      ctx(),
    );
    expect(p.painScores.map((s) => [s.evidence[0]!.ref, s.value])).toEqual([
      ['Observation/s1', 7],
      ['Observation/s2', 6],
      ['Observation/s3', 5],
      ['Observation/s4', 4],
    ]);
  });

  it('names a pain-intensity row whose value is words or absent, and stays quiet on rows that are not intensities', () => {
    const p = toPicture(
      record(
        patient(),
        row('w1', 'Pain score', { valueString: 'severe' }, '2026-10-01'),
        row('w2', 'Pain score (0-10)', {}, '2026-10-02'),
        row('w3', 'Pain location', { valueString: 'low back' }, '2026-10-03'),
        row('w4', 'Pain score', { valueString: '12' }, '2026-10-04'),
      ),
      ctx(),
    );
    expect(p.painScores).toEqual([]);
    const byId = (id: string) => p.dataIssues.filter((i) => i.resourceType === 'Observation' && i.id === id).map((i) => i.message);
    expect(byId('w1')).toEqual([expect.stringMatching(/no numeric value/)]);
    expect(byId('w2')).toEqual([expect.stringMatching(/no numeric value/)]);
    expect(byId('w3')).toEqual([]);
    expect(byId('w4')).toEqual([expect.stringMatching(/outside its 0-10 scale/)]);
  });
});
