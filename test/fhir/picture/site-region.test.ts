// The region of an ordered site: what the site says beats the order's name, which is often the CPT family's label.
import { describe, expect, it } from 'vitest';
import { siteOf } from '../../../src/fhir/picture/sites';

const ORDER_NAME = 'Transforaminal epidural injection, cervical/thoracic, single level';

describe('siteOf region', () => {
  it('reads thoracic from T7-T8 in bodySite although the order name says cervical/thoracic first', () => {
    const site = siteOf([{ text: 'left T7-T8' }], '64479', ORDER_NAME);
    expect(site.levels).toEqual(['T7-T8']);
    expect(site.region).toBe('thoracic');
    expect(site.laterality).toBe('left');
  });

  it('takes region words written at the site over its levels and over the order name', () => {
    expect(siteOf([{ text: 'cervical spine, right' }], '64479', ORDER_NAME).region).toBe('cervical');
  });

  it('falls back to the order name, then to the code family, when the site says nothing', () => {
    expect(siteOf(undefined, '64479', 'Thoracic transforaminal ESI').region).toBe('thoracic');
    expect(siteOf(undefined, '64479', 'TFESI').region).toBe('cervical');
    expect(siteOf(undefined, '64483', 'TFESI').region).toBe('lumbar');
  });
});
