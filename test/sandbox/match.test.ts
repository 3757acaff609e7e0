// Table-driven checks of the sandbox's search matching against FHIR R4 search semantics (3.1.1.4 / 3.1.1.5).
import { describe, expect, it } from 'vitest';
import { matchesAll, dateRange } from '../../launch/sandbox/match';
import { parseSearch } from '../../launch/sandbox/search';
import type { StoredResource } from '../../launch/sandbox/resource';

const obs: StoredResource = {
  resourceType: 'Observation',
  id: 'o1',
  status: 'final',
  subject: { reference: 'Patient/p1' },
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' }] }],
  code: { coding: [{ system: 'http://loinc.org', code: '72514-3', display: 'Pain severity 0-10 verbal numeric rating' }], text: 'NRS' },
  effectiveDateTime: '2026-10-01T09:00:00-05:00',
  valueQuantity: { value: 7, system: 'http://unitsofmeasure.org', code: '{score}' },
};
const enc: StoredResource = {
  resourceType: 'Encounter',
  id: 'e1',
  status: 'finished',
  subject: { reference: 'http://127.0.0.1:4400/fhir/Patient/p1' },
  period: { start: '2026-09-28T09:00:00Z', end: '2026-09-28T10:00:00Z' },
};
const pat: StoredResource = {
  resourceType: 'Patient',
  id: 'p1',
  name: [{ family: 'Müller', given: ['Anna'] }],
  meta: { tag: [{ system: 'urn:t', code: 'x' }] },
};

const cases: [string, StoredResource, string, boolean][] = [
  ['reference by bare id', obs, 'patient=p1', true],
  ['reference by Type/id', obs, 'subject=Patient/p1', true],
  ['reference to another patient', obs, 'patient=p2', false],
  ['patient param only matches Patient references', { ...obs, subject: { reference: 'Group/p1' } }, 'patient=Group/p1', false],
  ['subject param takes any target type', { ...obs, subject: { reference: 'Group/p1' } }, 'subject=Group/p1', true],
  ['absolute reference in the data', enc, 'patient=p1', true],
  ['absolute reference in the query', obs, 'patient=http://127.0.0.1:4400/fhir/Patient/p1', true],
  ['token code only', obs, 'code=72514-3', true],
  ['token system|code', obs, 'code=http://loinc.org|72514-3', true],
  ['token wrong system', obs, 'code=http://snomed.info/sct|72514-3', false],
  ['token system| (any code)', obs, 'code=http://loinc.org|', true],
  ['token OR list', obs, 'code=38208-5,72514-3', true],
  ['token :text on display', obs, 'code:text=numeric', true],
  ['token :not', obs, 'status:not=final', false],
  ['token on a code element', obs, 'status=final', true],
  ['two params are AND', obs, 'status=final&category=vital-signs', false],
  ['date day in local offset', obs, 'date=2026-10-01', true],
  ['date month excludes next month', obs, 'date=2026-09', false],
  ['date ge same day', obs, 'date=ge2026-10-01', true],
  ['date gt same day is false', obs, 'date=gt2026-10-01', false],
  ['date lt next day', obs, 'date=lt2026-10-02', true],
  ['date le before', obs, 'date=le2026-09-30', false],
  ['date sa', obs, 'date=sa2026-09-30', true],
  ['date eb', obs, 'date=eb2026-09-30', false],
  ['period inside a day', enc, 'date=2026-09-28', true],
  ['period ge', enc, 'date=ge2026-09-29', false],
  ['quantity value', obs, 'value-quantity=7', true],
  ['quantity gt', obs, 'value-quantity=gt7', false],
  ['string starts-with, accent-insensitive', pat, 'family=mull', true],
  ['string :exact', pat, 'family:exact=Müller', true],
  ['string :exact case', pat, 'family:exact=müller', false],
  ['string :contains', pat, 'name:contains=nn', true],
  ['_id', pat, '_id=p1', true],
  ['_tag (a Resource-level param)', pat, '_tag=urn:t|x', true],
  [':missing', pat, 'birthdate:missing=true', true],
];

describe('search matching (FHIR R4 search semantics)', () => {
  it.each(cases)('%s', (_name, resource, query, expected) => {
    const parsed = parseSearch(resource.resourceType, new URLSearchParams(query));
    expect(parsed.ignored).toEqual([]);
    expect(matchesAll(resource, parsed.criteria)).toBe(expected);
  });

  it('ignores and reports unknown parameters and chains instead of guessing', () => {
    const parsed = parseSearch(
      'Observation',
      new URLSearchParams('patient=p1&subject.name=x&bogus=1&code:below=1&_include=Observation:nope'),
    );
    expect(parsed.ignored).toEqual(['subject.name', 'bogus', 'code:below', '_include=Observation:nope']);
    expect(parsed.criteria.map((c) => c.code)).toEqual(['patient']);
  });

  it('reads date precision as a range', () => {
    expect(dateRange('2026')).toEqual({ lo: Date.UTC(2026, 0, 1), hi: Date.UTC(2027, 0, 1) });
    expect(dateRange('2026-02')).toEqual({ lo: Date.UTC(2026, 1, 1), hi: Date.UTC(2026, 2, 1) });
    expect(dateRange('2026-10-01T09:00:00-05:00')?.lo).toBe(Date.UTC(2026, 9, 1, 14));
    expect(dateRange('not a date')).toBeUndefined();
  });
});
