// The packet names one coverage: the assessed payer's (focalCoverage, as the PAS bundle's Coverage), not whichever
// active coverage the chart happens to list first. A secondary plan listed first must not lend its member ID to the
// summary or the necessity letter.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPacketPdf } from '../../../src/writeback/packet-pdf';
import { packetSections } from '../../../src/writeback/pdf/summary';
import type { CoverageFact } from '../../../src/policy/picture';
import { PATIENTS } from './patients';

const FONTS = `${join(import.meta.dirname, '../../../node_modules/pdfjs-dist/standard_fonts')}/`;

const secondary: CoverageFact = {
  id: 'cov-secondary',
  status: 'active',
  payerId: 'bcbsma',
  payerName: 'Blue Cross Blue Shield of Massachusetts',
  subscriberId: 'SUB-SECONDARY',
  order: 2,
  source: 'coded',
  evidence: [{ ref: 'Coverage/cov-secondary', display: 'Coverage' }],
};

function withSecondaryFirst() {
  const c = PATIENTS[0]?.input;
  if (!c) throw new Error('no patient');
  return { ...c, picture: { ...c.picture, coverages: [secondary, ...c.picture.coverages] } };
}

describe('the coverage a packet names', () => {
  it('is the assessed payer’s in the summary header, though a secondary plan is listed first', () => {
    const c = withSecondaryFirst();
    const header = packetSections({ ...c, clinic: { clinicName: 'X' } })[0]!;
    const payerLine = header.lines.find((l) => l.startsWith('Payer:'));
    expect(payerLine).toContain('member ID SUB-p1');
    expect(payerLine).not.toContain('SUB-SECONDARY');
  });

  it('is the same one in the necessity letter', async () => {
    const bytes = await renderPacketPdf(withSecondaryFirst());
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: bytes.slice(), standardFontDataUrl: FONTS, isEvalSupported: false }).promise;
    const page = await doc.getPage(1);
    const text = (await page.getTextContent()).items.map((it) => ('str' in it ? it.str : '')).join(' ');
    await doc.destroy();
    expect(text.replace(/\s+/g, ' ')).toContain('Member ID: SUB-p1');
    expect(text).not.toContain('SUB-SECONDARY');
  });
});
