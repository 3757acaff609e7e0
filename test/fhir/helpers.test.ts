// The small readers every mapping leans on: levels and laterality in text, same-server URLs, base64 text.
import { describe, expect, it } from 'vitest';
import { lateralityInText, levelsInText, regionInText } from '../../src/fhir/picture/sites';
import { sameServerUrl } from '../../src/fhir/attachments';
import { decodeBase64Utf8 } from '../../src/fhir/base64';
import { splitReference } from '../../src/fhir/session';

describe('levelsInText', () => {
  it.each([
    ['L4-5', ['L4-L5']],
    ['L5/S1', ['L5-S1']],
    ['C6-7 and C5–C6', ['C6-C7', 'C5-C6']],
    ['T12-L1', ['T12-L1']],
    ['bilateral L3-L5 medial branches', ['L3-L4', 'L4-L5']],
    ['L3 to L5', ['L3-L4', 'L4-L5']],
    ['L4-L5, L4-L5 again', ['L4-L5']],
    ['right L5 nerve root', ['L5']],
    ['L6-L7 and CT scan and S10', []],
    ['no levels here, lol 5', []],
  ])('%s', (text, levels) => {
    expect(levelsInText(text)).toEqual(levels);
  });
});

describe('lateralityInText / regionInText', () => {
  it.each([
    ['Left', 'left'],
    ['Rt side', 'right'],
    ['left and right', 'bilateral'],
    ['Bilat', 'bilateral'],
    ['midline', undefined],
    ['leftover', undefined],
  ])('%s -> %s', (text, lat) => {
    expect(lateralityInText(text)).toBe(lat);
  });
  it('names regions by their words', () => {
    expect(regionInText('Lumbar spine')).toBe('lumbar');
    expect(regionInText('right sacroiliac joint')).toBe('sacral');
    expect(regionInText('cervical facet')).toBe('cervical');
    expect(regionInText('knee')).toBeUndefined();
  });
});

describe('sameServerUrl', () => {
  const base = 'https://ehr.test/fhir';
  it('keeps relative and same-server URLs, drops everything else', () => {
    expect(sameServerUrl('Binary/1', base)).toBe('Binary/1');
    expect(sameServerUrl('/fhir/Binary/1', base)).toBe('https://ehr.test/fhir/Binary/1');
    expect(sameServerUrl('https://ehr.test/fhir/Binary/1', `${base}/`)).toBe('https://ehr.test/fhir/Binary/1');
    expect(sameServerUrl('https://ehr.test/fhirx/Binary/1', base)).toBeUndefined();
    expect(sameServerUrl('https://other.test/fhir/Binary/1', base)).toBeUndefined();
    expect(sameServerUrl('file:///etc/passwd', base)).toBeUndefined();
    expect(sameServerUrl('https://ehr.test/fhir/Binary/1', undefined)).toBeUndefined();
  });
});

describe('decodeBase64Utf8 / splitReference', () => {
  it('decodes UTF-8 (standard and URL-safe) and refuses non-base64', () => {
    expect(decodeBase64Utf8(Buffer.from('naïve — 7/10').toString('base64'))).toBe('naïve — 7/10');
    expect(decodeBase64Utf8(Buffer.from('??>>').toString('base64url'))).toBe('??>>');
    expect(decodeBase64Utf8('not base64!')).toBeUndefined();
  });
  it('splits relative, absolute and versioned references', () => {
    expect(splitReference('ServiceRequest/1')).toEqual({ type: 'ServiceRequest', id: '1' });
    expect(splitReference('https://ehr/fhir/Practitioner/a.b-c/_history/3')).toEqual({ type: 'Practitioner', id: 'a.b-c' });
    expect(splitReference('#contained')).toBeUndefined();
    expect(splitReference('urn:uuid:1234')).toBeUndefined();
  });
});
