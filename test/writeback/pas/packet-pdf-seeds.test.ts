// The packet PDF the sandbox seeds produce, read back with pdf.js: each fault issue 12 found in the document is
// checked against the real text of the real file (not against the sections we meant to draw).
import { describe, expect, it } from 'vitest';
import type { ServiceRequest } from 'fhir/r4';
import { CLAIMREADY_TAG } from '../../../src/fhir/read/own-output';
import { readPdf, type PdfText } from './pdf-text';
import { seedManifest, seedPacket, seedPacketInput, seedResources } from './seed-packet';

const cache = new Map<string, Promise<PdfText>>();
const pdfOf = (patient: string): Promise<PdfText> => {
  let p = cache.get(patient);
  if (!p) {
    p = seedPacket(patient).then((pk) => readPdf(pk.pdf));
    cache.set(patient, p);
  }
  return p;
};
const all = async (patient: string): Promise<string> => (await pdfOf(patient)).pages.join(' ');
const SEEDS = seedManifest().map((m) => m.patient);

describe('packet PDF of the seed patients, as pdf.js reads it', () => {
  it('a commercial plan is named by its own guideline and version, the Medicare LCD only as the baseline', async () => {
    const summit = await all('pt-cervical-summit');
    expect(summit).toContain(
      'Policy: eviCore CMM-200 Epidural Steroid Injections, 2021 version (effective date within 2021 not read; 2021-01-01 used): the guideline Summit Health Plan applies.',
    );
    expect(summit).not.toMatch(/Policy: [^.]*Medicare LCD/);
    // The guideline's own rule carries no baseline mark; a rule it does not set does.
    expect(summit).toMatch(/NOT DOCUMENTED: Only 5 dated weeks of failed conservative care; at least 6 weeks needed\. Needed:/);
    expect(summit).toMatch(/Indication documented: radicular pain or radiculopathy\. \(Medicare baseline\)/);
    const bcbs = await all('pt-stenosis-bcbsma');
    expect(bcbs).toContain('Policy: BCBSMA Medical Policy 690, provider news reminder 2021-12-07: the guideline Blue Cross Blue Shield');
    const medicare = await all('pt-radic-ready');
    expect(medicare).toContain('Policy: Medicare LCD L39242 family (L39240 / A58993), Epidural Steroid Injections for Pain Management');
    expect(medicare).not.toContain('Medicare baseline');
  });

  it('cites and lists only the diagnoses of the request: no hypertension (I10) anywhere', async () => {
    for (const patient of [
      'pt-radic-ready',
      'pt-esi-frequency',
      'pt-facet-rfa-ready',
      'pt-stenosis-bcbsma',
      'pt-paging',
      'pt-notes-only',
    ]) {
      const text = await all(patient);
      expect(text, patient).not.toMatch(/\bI10\b/);
      expect(text, patient).not.toMatch(/hypertension/i);
    }
    const text = await all('pt-radic-ready');
    expect(text).toContain('MET: Codes valid on 2026-12-01: M54.16, M51.16. Evidence: Radiculopathy, lumbar region');
    expect(text).toContain(
      'Diagnoses (ICD-10-CM): M54.16 Radiculopathy, lumbar region; M51.16 Intervertebral disc disorders with radiculopathy, lumbar region',
    );
  });

  it('states one pain duration, from the documented onset, in whole weeks or months, the same everywhere', async () => {
    const summit = await all('pt-cervical-summit');
    expect(/.{40}(?:198\.9|\b11 weeks)\b.{20}/.exec(summit)?.[0]).toBeUndefined();
    expect(summit).toContain('Pain for 15 weeks as of 2026-11-24, the date of service (since 2026-08-10;');
    expect(summit).toContain('pain for 15 weeks (since 2026-08-10)');
    for (const patient of SEEDS) {
      const text = await all(patient);
      expect(text, patient).not.toMatch(/\d+\.\d+ weeks/);
      // Every statement of how long the pain has lasted says the same thing.
      const stated = [
        ...text.matchAll(/[Pp]ain for ((?:\d+ years? )?\d+ (?:weeks?|months?))|Duration: ((?:\d+ years? )?\d+ (?:weeks?|months?))/g),
      ].map((m) => m[1] ?? m[2]);
      expect(new Set(stated).size, `${patient}: ${stated.join(' | ')}`).toBeLessThanOrEqual(1);
    }
  });

  it('keeps a decade of scores to the current one and a short trend, the current one on page one', async () => {
    const paging = await pdfOf('pt-paging');
    const text = paging.pages.join(' ');
    // The current score in the summary, its criterion and the detail, and a trend of at most 4: not 327 scores.
    expect((text.match(/\d+\/10 on 20\d\d-/g) ?? []).length).toBeLessThanOrEqual(7);
    expect(/recent scores ([^.]*)\./.exec(text)?.[1]?.split(', ').length).toBeLessThanOrEqual(4);
    expect(paging.pages[0]).toContain('NRS 7/10 on 2026-11-16');
    expect(text).not.toContain('7/10 on 2026-09-28, 7/10 on 2026-09-28');
    expect(text).toMatch(/\d+ earlier courses \(2017 to 20\d\d\) are in the record/);
  });

  it("lists no procedure outside the requested one's region and family (the coded cataract operation)", async () => {
    const text = await all('pt-notes-only');
    expect(text).not.toMatch(/cataract|66984|lisinopril/i);
  });

  it('prints no not-applicable rows, no own output and no doubled periods or "unknown" outcomes', async () => {
    for (const patient of SEEDS) {
      const text = await all(patient);
      expect(text, patient).not.toMatch(/\[N\/A\]|sets no such rule|N\/A:/);
      expect(text, patient).not.toMatch(/\.\./);
      expect(text, patient).not.toMatch(/; unknown\./);
    }
  });

  it("ClaimReady's own coding summary in the chart is not cited: the PDF is the same as without it", async () => {
    const own = {
      resourceType: 'DocumentReference',
      id: 'cr-coding-summary',
      meta: { tag: [{ ...CLAIMREADY_TAG }] },
      status: 'current',
      type: { text: 'ClaimReady coding summary' },
      subject: { reference: 'Patient/pt-radic-ready' },
      date: '2026-11-20T10:00:00Z',
      content: [
        {
          attachment: {
            contentType: 'text/plain',
            data: Buffer.from(
              'ClaimReady coding summary. Low back pain since 01/01/2015 with radiculopathy; failed physical therapy for 20 weeks.',
            ).toString('base64'),
          },
        },
      ],
    } as const;
    const withOwn = await readPdf((await seedPacket('pt-radic-ready', undefined, (r) => [...r, own as never])).pdf);
    const text = withOwn.pages.join(' ');
    expect(text).not.toMatch(/coding summary|2015/i);
    expect(text).toBe(await all('pt-radic-ready'));
  });

  it('page one states who, what and when, a clinical summary and the criteria; an attestation closes it', async () => {
    const { pages } = await pdfOf('pt-radic-ready');
    const one = pages[0] ?? '';
    for (const fact of [
      'Patient: Margaret Anne Hollis, born 1955-03-14, female; MRN RB-100231',
      'Member ID: 1EG4-TE5-MK72; payer Medicare Part B',
      'Clinical summary',
      '64483-LT x 1: Transforaminal epidural, low back/sacrum, first level, with imaging',
      'Region and levels: lumbar L5-S1; side: left',
      'When: date of service 2026-12-01; place of service 11 (office)',
      "Criteria of the payer's policy:",
    ])
      expect(one).toContain(fact);
    const last = pages[pages.length - 1] ?? '';
    expect(last).toContain('Attestation of the ordering clinician');
    expect(last).toContain('Signature: ______________________________ Date: ______________');
  });

  it('an order with no date asks for a period and counts the duration to the assessment day', async () => {
    const undated = (r: ReturnType<typeof seedResources>) =>
      r.map((x) => {
        if (x.resourceType !== 'ServiceRequest') return x;
        const sr = { ...(x as unknown as ServiceRequest) };
        delete sr.occurrenceDateTime;
        delete sr.occurrencePeriod;
        return sr as unknown as typeof x;
      });
    const text = (await readPdf((await seedPacket('pt-radic-ready', undefined, undated)).pdf)).pages.join(' ');
    expect(text).toMatch(/When: requested period 2026-11-23 to 20\d\d-\d\d-\d\d \(no date scheduled\)/);
    expect(text).toContain('as of 2026-11-23 (no date of service scheduled)');
  });

  // Advice (rules graded S2 or with no text read: citation.verified false) is not the payer's policy: it is neither
  // counted nor listed among "criteria of the payer's policy met", and is listed apart, after the supporting detail.
  for (const patient of ['pt-radic-ready', 'pt-si-joint', 'pt-tpi-mod25']) {
    it(`${patient}: advice-only rules are listed apart from the payer's criteria, and not counted as met criteria`, async () => {
      const input = await seedPacketInput(patient);
      const relevant = input.assessment.findings.filter((f) => f.status !== 'not-applicable');
      const advice = relevant.filter((f) => !f.citation.verified);
      expect(advice.length, 'the seed exercises advice').toBeGreaterThan(0);
      const text = await all(patient);
      const start = text.indexOf("Criteria of the payer's policy");
      const end = text.indexOf('Pain and function', start);
      const adviceAt = text.indexOf("Also checked: advice, not the payer's criteria");
      expect(start).toBeGreaterThan(-1);
      expect(adviceAt).toBeGreaterThan(end);
      const criteria = text.slice(start, end);
      const payers = relevant.filter((f) => f.citation.verified);
      const counted = /Criteria of the payer's policy: (\d+) of (\d+) met/.exec(criteria);
      if (payers.length) expect(Number(counted?.[2])).toBeLessThanOrEqual(payers.length);
      else expect(criteria).toContain("Criteria of the payer's policy: none held");
      const opening = (m: string): string => m.slice(0, 28);
      for (const f of advice) {
        // A message the payer's text also states (the same words under a verified rule) may appear there once.
        if (payers.some((x) => opening(x.message) === opening(f.message))) continue;
        expect(criteria, f.requirementId).not.toContain(opening(f.message));
        expect(text.slice(adviceAt), f.requirementId).toContain(opening(f.message));
      }
    });
  }

  it('page one as a reviewer reads it: the order shows image guidance and levels, the version in force is named', async () => {
    const rfa = await all('pt-facet-rfa-ready');
    // A problem-list diagnosis proves the diagnosis, not what the order asks for.
    // The order is named as the order: its text and a date alone read as an ablation already performed.
    expect(rfa).toMatch(
      /MET: Image guidance is part of the ordered procedure\. Evidence: the order "Bilateral L4-L5 and L5-S1 lumbar facet radiofrequency ablation", dated 2026-11-03/,
    );
    expect(rfa).toMatch(
      /within 2 levels per session\. Evidence: the order "Bilateral L4-L5 and L5-S1 lumbar facet radiofrequency ablation"/,
    );
    expect(rfa).not.toMatch(/Evidence: Bilateral L4-L5 and L5-S1 lumbar facet radiofrequency ablation, 2026/);
    // The ablation rests on the two diagnostic blocks: the clinical summary on page one names them and their relief.
    const pageOne = (await pdfOf('pt-facet-rfa-ready')).pages[0] ?? '';
    expect(pageOne).toMatch(
      /Prior procedures in this region: 2026-09-15 Facet joint or medial branch injection[^;]*\(85% pain relief\); 2026-10-13 Facet joint or medial branch injection[^.]*\(90% pain relief\)\./,
    );
    expect(rfa).toContain(
      'in force: L38801 revision effective 2026-04-16, A58403 v27 from 2026-05-21; the criteria below follow the wording of the 2025-02-26 version',
    );
    expect(rfa).not.toMatch(/not read; rules carried over/);
    // A course's dates once per line, not again inside its description.
    const ready = await all('pt-radic-ready');
    expect(ready).toContain('2026-08-03 to 2026-09-28: Physical therapy, 8 weeks; failed.');
  });
});
