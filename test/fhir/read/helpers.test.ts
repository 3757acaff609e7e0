// The small readers every mapping leans on: levels and laterality in text, same-server URLs, base64 text.
import { describe, expect, it } from 'vitest';
import { lateralityInText, levelsInText, regionInText } from '../../../src/fhir/picture/sites';
import { sameServerUrl } from '../../../src/fhir/read/attachments';
import { decodeBase64Utf8 } from '../../../src/fhir/read/base64';
import { splitReference } from '../../../src/fhir/session/session';

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

describe('sameServerUrl: the token goes to the EHR FHIR server only', () => {
  const base = 'https://ehr.test/fhir';
  it.each([
    ['relative', 'Binary/1', 'https://ehr.test/fhir/Binary/1'],
    ['root-relative', '/fhir/Binary/1', 'https://ehr.test/fhir/Binary/1'],
    ['absolute, same server', 'https://ehr.test/fhir/Binary/1', 'https://ehr.test/fhir/Binary/1'],
    ['query only', '?x=1', 'https://ehr.test/fhir/?x=1'],
    ['encoded slashes stay on the server', '%2F%2Fevil.test/x', 'https://ehr.test/fhir/%2F%2Fevil.test/x'],
  ])('keeps %s URLs (%s)', (_, url, want) => {
    expect(sameServerUrl(url, base)).toBe(want);
    expect(sameServerUrl(url, `${base}/`)).toBe(want);
  });
  it.each([
    ['protocol-relative', '//evil.test/fhir/Binary/1'],
    ['backslash', '/\\evil.test/fhir/Binary/1'],
    ['double backslash', '\\\\evil.test/fhir/Binary/1'],
    ['leading whitespace, protocol-relative', ' \t//evil.test/x'],
    ['tab inside the scheme slashes', '/\t/evil.test/x'],
    ['other host', 'https://evil.test/fhir/Binary/1'],
    ['host prefix trick', 'https://ehr.test.evil.test/fhir/Binary/1'],
    ['userinfo', 'https://user:pw@ehr.test/fhir/Binary/1'],
    ['userinfo that looks like the host', 'https://ehr.test@evil.test/fhir/Binary/1'],
    ['other port', 'https://ehr.test:8443/fhir/Binary/1'],
    ['other scheme', 'http://ehr.test/fhir/Binary/1'],
    ['file scheme', 'file:///etc/passwd'],
    ['javascript scheme', 'javascript:alert(1)'],
    ['data scheme', 'data:text/plain,hi'],
    ['outside the base path', 'https://ehr.test/fhirx/Binary/1'],
    ['dot segments out of the base', '../admin/Binary/1'],
    ['encoded dot segments out of the base', '%2e%2e/admin'],
  ])('refuses %s URLs (%s)', (_, url) => {
    expect(sameServerUrl(url, base)).toBeUndefined();
  });
  it('refuses everything when the base is unknown or not a URL', () => {
    expect(sameServerUrl('Binary/1', '')).toBeUndefined();
    expect(sameServerUrl('Binary/1', undefined)).toBeUndefined();
    expect(sameServerUrl('Binary/1', 'not a url')).toBeUndefined();
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
