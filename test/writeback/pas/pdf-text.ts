// The text of a PDF as a reader's tool sees it: pdf.js (legacy build for Node) over the real bytes, page by page,
// one line per baseline, so a test reads what a reviewer would read rather than the strings we meant to draw.
import { join } from 'node:path';

const FONTS = `${join(import.meta.dirname, '../../../node_modules/pdfjs-dist/standard_fonts')}/`;

export interface PdfText {
  /** Each page's lines joined with spaces. */
  pages: string[];
  /** Each page's lines as laid out. */
  lines: string[][];
  sizes: number[][];
}

export async function readPdf(bytes: Uint8Array): Promise<PdfText> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: bytes.slice(), standardFontDataUrl: FONTS, isEvalSupported: false, verbosity: 0 }).promise;
  const out: PdfText = { pages: [], lines: [], sizes: [] };
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    out.sizes.push([...page.view]);
    const lines: string[] = [];
    let line = '';
    let lastY: number | undefined;
    for (const it of (await page.getTextContent()).items) {
      if (!('str' in it)) continue;
      const y = it.transform[5] as number;
      if (lastY !== undefined && Math.abs(y - lastY) > 1) {
        lines.push(line);
        line = '';
      }
      line += it.str;
      lastY = y;
    }
    lines.push(line);
    out.lines.push(lines);
    out.pages.push(lines.join(' ').replace(/\s+/g, ' '));
  }
  await doc.destroy();
  return out;
}
