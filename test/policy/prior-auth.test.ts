// Medicare prior authorization from the rendering location: WISeR (ESI codes, AZ NJ OH OK TX WA, services
// 2026-01-15..2031-12-31) and the hospital outpatient program (facet codes in a hospital outpatient department).
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/policy/assess';
import { medicarePriorAuth } from '../../src/policy/prior-auth';
import type { ServiceLocation } from '../../src/policy/picture';
import { esiPicture, facetPicture, mbb, rfa, service, tfesi, TODAY } from './build';

const at = (state?: string, setting?: ServiceLocation['setting']): ServiceLocation => ({
  source: 'coded',
  evidence: [],
  ...(state ? { state } : {}),
  ...(setting ? { setting } : {}),
});

describe('WISeR (S1: participant code list; CMS notice)', () => {
  it.each(['AZ', 'NJ', 'OH', 'OK', 'TX', 'WA'])('64483 rendered in %s -> required', (state) => {
    const a = assess(esiPicture(), tfesi({ location: at(state, 'office') }), 'medicare', TODAY);
    expect(a.priorAuth).toMatchObject({ required: true, program: expect.stringContaining('WISeR') });
  });
  it('64483 in CA -> not required; state unknown -> depends, with the reason', () => {
    expect(assess(esiPicture(), tfesi({ location: at('CA') }), 'medicare', TODAY).priorAuth.required).toBe(false);
    const d = assess(esiPicture(), tfesi(), 'medicare', TODAY).priorAuth;
    expect(d.required).toBe('depends');
    expect(d.reason).toMatch(/state/);
  });
  it.each([
    ['2026-01-14', false],
    ['2026-01-15', true],
    ['2031-12-31', true],
    ['2032-01-01', false],
  ] as const)('64484 in TX on %s -> %s', (date, required) => {
    expect(medicarePriorAuth(service('64484', 'esi-transforaminal', { date, location: at('TX') }), date).required).toBe(required);
  });
  it.each(['62321', '62323', '64479', '64480', '64483', '64484'])('%s is on the list', (code) => {
    expect(medicarePriorAuth(service(code, 'esi-transforaminal', { location: at('OH') }), TODAY).required).toBe(true);
  });
  it('62322 (without imaging) and facet blocks are not WISeR services', () => {
    expect(medicarePriorAuth(service('62322', 'esi-interlaminar', { location: at('OH', 'office') }), TODAY).required).toBe(false);
    expect(medicarePriorAuth(service('64493', 'facet-mbb', { location: at('OH', 'office') }), TODAY).required).toBe(false);
  });
});

describe('OPD prior authorization (P: Palmetto GBA / CGS pages): facet procedures in a hospital outpatient department', () => {
  it('64493 in a hospital outpatient department -> required; office -> not; setting unknown -> depends', () => {
    expect(assess(facetPicture(), mbb({ location: at('CA', 'hospital-outpatient') }), 'medicare', TODAY).priorAuth).toMatchObject({
      required: true,
      program: expect.stringContaining('outpatient'),
    });
    expect(assess(facetPicture(), mbb({ location: at('CA', 'office') }), 'medicare', TODAY).priorAuth.required).toBe(false);
    expect(assess(facetPicture(), rfa(), 'medicare', TODAY).priorAuth.required).toBe('depends');
  });
  it.each([
    ['2023-06-30', false],
    ['2023-07-01', true],
  ] as const)('64635 in a hospital outpatient department on %s -> %s', (date, required) => {
    expect(medicarePriorAuth(service('64635', 'facet-rfa', { date, location: at(undefined, 'hospital-outpatient') }), date).required).toBe(
      required,
    );
  });
  it('the third-level add-on 64495 is not on the OPD list', () => {
    expect(medicarePriorAuth(service('64495', 'facet-mbb', { location: at(undefined, 'hospital-outpatient') }), TODAY).required).toBe(
      false,
    );
  });
});

describe('commercial overlays keep their own rule', () => {
  it('Summit requires prior authorization for an ESI wherever it is rendered', () => {
    expect(assess(esiPicture(), tfesi({ location: at('CA', 'office') }), 'summit', TODAY).priorAuth.required).toBe(true);
  });
});
