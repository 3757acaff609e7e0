// The workflow module: one payer per chart, the same facts giving the same warnings in every view.
import { describe, expect, it } from 'vitest';
import { checkService, checkServices, packetPreview, payerFor, recheckCoding } from '../../src/workflow/index';
import { seedPicture, ANCHOR } from './helpers';

describe('checkServices', () => {
  it('resolves the payer from the primary coverage, or from an explicit id (the CLI --payer)', async () => {
    const p = await seedPicture('pt-cervical-summit');
    expect(payerFor(p).payer.id).toBe('summit');
    expect(checkServices(p, p.plannedServices, { today: ANCHOR }).payer.id).toBe('summit');
    const forced = checkServices(p, p.plannedServices, { today: ANCHOR, payerId: 'medicare' });
    expect(forced.payer.id).toBe('medicare');
    expect(forced.assessments[0]!.payer.id).toBe('medicare');
  });

  it('a side the checklist blocks on is an error on the coding line too (pt-laterality-conflict)', async () => {
    const p = await seedPicture('pt-laterality-conflict');
    const c = checkServices(p, p.plannedServices, { today: ANCHOR });
    const site = c.assessments[0]!.findings.find((f) => f.requirementId === 'site-consistency');
    expect(site?.severity).toBe('blocker');
    expect(site?.status).toBe('missing');
    const edit = c.coding.edits.find((e) => e.kind === 'laterality');
    expect(edit?.severity).toBe('error');
    expect(edit?.message).toContain(site!.message);
    expect(edit?.lines).toEqual([0]);
    // The coder's re-check keeps it, once, while the side is unchanged.
    const again = recheckCoding(c.coding.lines, c, { picture: p, services: p.plannedServices }).filter((e) => e.kind === 'laterality');
    expect(again).toHaveLength(1);
  });

  it('a chart without a site conflict gets no such edit (pt-radic-ready)', async () => {
    const p = await seedPicture('pt-radic-ready');
    const c = checkServices(p, p.plannedServices, { today: ANCHOR });
    expect(c.assessments[0]!.verdict).toBe('ready');
    expect(c.coding.edits.filter((e) => e.kind === 'laterality')).toEqual([]);
  });

  it('the packet preview, the checklist and the CLI row agree on payer and verdict', async () => {
    const p = await seedPicture('pt-stenosis-bcbsma');
    const s = p.plannedServices[0]!;
    const row = checkService(p, s, { today: ANCHOR });
    const visit = checkServices(p, [s], { today: ANCHOR });
    const pa = packetPreview(p, s, { today: ANCHOR, now: `${ANCHOR}T00:00:00Z` });
    expect([row.payer.id, visit.payer.id, pa.payer.id]).toEqual(['bcbsma', 'bcbsma', 'bcbsma']);
    expect([row.assessment.verdict, visit.assessments[0]!.verdict, pa.assessment.verdict]).toEqual(['ready', 'ready', 'ready']);
  });

  it('unresolved packet references are named from the validator, not parsed out of its message', async () => {
    const p = await seedPicture('pt-radic-ready');
    const pa = packetPreview(p, p.plannedServices[0]!, { today: ANCHOR, now: `${ANCHOR}T00:00:00Z` });
    const unresolved = pa.violations.filter((v) => v.rule === 'spec-13');
    // Without the raw resources the evidence references cannot resolve; each violation carries its reference.
    expect(unresolved.length).toBeGreaterThan(0);
    for (const v of unresolved) expect(v.ref).toMatch(/^[A-Za-z]+\/.+/);
    expect(pa.blockers.find((b) => b.id === 'packet-spec-13')?.message).toContain(unresolved[0]!.ref!);
  });

  it('a chart that names the clinician but not the clinic still says the clinic is not configured', async () => {
    const p = await seedPicture('pt-radic-ready');
    const opts = { today: ANCHOR, now: `${ANCHOR}T00:00:00Z` };
    const practitioner = { resourceType: 'Practitioner' as const, id: 'dr', name: [{ family: 'Okafor' }] };
    const clinicianOnly = packetPreview(p, p.plannedServices[0]!, {
      ...opts,
      clinic: { practitioner, organization: { name: 'Requesting clinic (not configured)' } },
    });
    expect(clinicianOnly.clinicConfigured).toBe(false);
    const both = packetPreview(p, p.plannedServices[0]!, {
      ...opts,
      clinic: { practitioner, organization: { resourceType: 'Organization', id: 'clinic', name: 'Spine Clinic' } },
    });
    expect(both.clinicConfigured).toBe(true);
  });
});
