import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPacketPdf } from '../../../src/writeback/packet-pdf';
import { evidenceDigest, packetSections } from '../../../src/writeback/pdf/summary';
import { toWinAnsi, wrap } from '../../../src/writeback/pdf/layout';
import { PATIENTS } from './patients';

const FONTS = `${join(import.meta.dirname, '../../../node_modules/pdfjs-dist/standard_fonts')}/`;

/** Text of every page (and the page sizes), via pdf.js (legacy build for Node). */
async function readPdf(bytes: Uint8Array): Promise<{ pages: string[]; sizes: number[][] }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: bytes.slice(), standardFontDataUrl: FONTS, isEvalSupported: false }).promise;
  const pages: string[] = [];
  const sizes: number[][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    sizes.push([...page.view]);
    const content = await page.getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
  }
  await doc.destroy();
  return { pages, sizes };
}
const pdfText = async (bytes: Uint8Array): Promise<string[]> => (await readPdf(bytes)).pages;

const squash = (s: string): string => s.replace(/\s+/g, ' ');

describe('renderPacketPdf', () => {
  it('writes the key facts of the request into a letter-size PDF', async () => {
    const c = PATIENTS[0]?.input;
    if (!c) throw new Error('no patient');
    const bytes = await renderPacketPdf(c);
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const { pages, sizes } = await readPdf(bytes);
    for (const size of sizes) expect(size).toEqual([0, 0, 612, 792]); // US letter, in points
    const text = squash(pages.join(' '));
    for (const fact of [
      'Riverside Spine & Pain',
      'NPI 1234567893',
      'Alma Reyes',
      '1954-03-02',
      'MRN-p1',
      'Member ID: SUB-p1',
      'payer Medicare Part B',
      '64483-LT x 1',
      'M54.16 Radiculopathy, lumbar region',
      'lumbar L4-L5; side: left',
      'date of service 2026-12-03',
      'place of service 11 (office)',
      'MET: Lumbar radiculopathy documented',
      'LCD L39242', // each criterion with its evidence
      'Current pain: NRS 7/10 on 2026-11-10; recent scores 7/10 on 2026-11-10, 8/10 on 2026-09-15', // baseline + short trend
      '2026-08-01 to 2026-09-26: Physical therapy 2x weekly, 8 weeks; failed', // dated conservative care
      'Function: ODI 44% on 2026-11-10',
      'MRI 2026-09-30 (L4-L5): Left paracentral L4-L5 disc protrusion', // concordant imaging
      'Attestation of the ordering clinician',
      'Signature:',
    ]) {
      expect(text).toContain(fact);
    }
  });

  it('states prior response with relief and duration (patient 5: 60% for about 4 months)', async () => {
    const c = PATIENTS[4]?.input;
    if (!c) throw new Error('no patient');
    const text = squash((await pdfText(await renderPacketPdf(c))).join(' '));
    expect(text).toContain('2026-06-01: 64483');
    expect(text).toContain('60% pain relief for 4 months');
    expect(text).toContain('NOT DOCUMENTED: No function score since the last injection');
  });

  it('keeps a long score history to the current score and a short trend, and numbers the pages', async () => {
    const c = PATIENTS[0]?.input;
    if (!c) throw new Error('no patient');
    const picture = structuredClone(c.picture);
    for (let i = 0; i < 120; i++) {
      picture.painScores.push({
        instrument: 'NRS',
        value: (i % 10) + 0,
        raw: '',
        date: `2025-${String((i % 12) + 1).padStart(2, '0')}-10`,
        source: 'coded',
        evidence: [],
      });
    }
    for (let i = 0; i < 40; i++)
      picture.conservativeCare.push({
        kind: 'physical-therapy',
        description: `PT visit ${i}`,
        start: `2025-01-${String((i % 28) + 1).padStart(2, '0')}`,
        end: `2025-02-01`,
        outcome: 'failed',
        source: 'coded',
        evidence: [],
      });
    const pages = await pdfText(await renderPacketPdf({ ...c, picture }));
    const text = squash(pages.join(' '));
    // the clinical summary's current score, the current score and the 4 latest, not 122
    expect((text.match(/\/10 on 20\d\d-/g) ?? []).length).toBeLessThanOrEqual(6);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[1]).toContain(`page 2 of ${pages.length}`);
  });

  it('wraps within the line width and survives characters Helvetica cannot encode', async () => {
    const { PDFDocument, StandardFonts } = await import('pdf-lib');
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    const lines = wrap('word '.repeat(80) + 'x'.repeat(200), font, 10, 200);
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) expect(font.widthOfTextAtSize(l, 10)).toBeLessThanOrEqual(200);
    expect(toWinAnsi('pain \u2265 50% \u2014 \u201cbetter\u201d \u{1F600}')).toBe('pain >= 50% - "better" ?');
  });

  it('uses our own short labels for codes', () => {
    const c = PATIENTS[2]?.input;
    if (!c) throw new Error('no patient');
    const requested = packetSections({ ...c, clinic: { clinicName: 'X' } }).find((s) => s.heading === 'Requested service');
    expect(requested?.lines[0]).toBe('- 64493-50 x 1: Facet/medial branch injection, low back, first level');
  });

  it('prints each piece of evidence once and caps a long list with a count', () => {
    const visits = Array.from({ length: 17 }, (_, i) => ({ ref: `Encounter/pt-${i}`, display: `PT visit ${i}` }));
    const { shown, more } = evidenceDigest([...visits, ...visits], 6);
    expect(shown.map((e) => e.display)).toEqual(['PT visit 0', 'PT visit 1', 'PT visit 2', 'PT visit 3', 'PT visit 4', 'PT visit 5']);
    expect(more).toBe(11);
  });

  it('keeps the dated course of care first and folds undated note mentions into one line', () => {
    const c = PATIENTS[0]?.input;
    if (!c) throw new Error('no patient');
    const picture = structuredClone(c.picture);
    picture.conservativeCare.push(
      { kind: 'home-exercise', description: 'HEP', outcome: 'failed', source: 'note', evidence: [] },
      { kind: 'nsaid', description: 'NSAIDs', outcome: 'unknown', source: 'note', evidence: [] },
    );
    const care = packetSections({ ...c, picture, clinic: { clinicName: 'X' } }).find((s) => s.heading === 'Conservative care tried');
    expect(care?.lines).toEqual([
      '- Naproxen 500 mg twice daily (nsaid): 2026-07-15 to 2026-10-01, 11 weeks; outcome failed.',
      '- Physical therapy 2x weekly (physical therapy): 2026-08-01 to 2026-09-26, 8 weeks; outcome failed.',
      '- Also documented, without dates: HEP (home exercise, failed); NSAIDs (nsaid).',
    ]);
  });
});
