// Lays packet sections out on US-letter pages with pdf-lib's standard Helvetica (no font download): wrapped lines,
// bullets with hanging indent, a new page whenever the next line does not fit, page numbers in the footer.
import type { PDFFont, PDFPage } from 'pdf-lib';
import type { Section } from './summary';

type PdfLib = typeof import('pdf-lib');

const LETTER: [number, number] = [612, 792];
const MARGIN = 54;
const BODY = 10;
const HEAD = 12.5;
const TITLE = 15;
const LEADING = 1.35;

/** Standard fonts encode WinAnsi only; map common Unicode punctuation and drop the rest rather than throw. */
export function toWinAnsi(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\u2265/g, '>=')
    .replace(/\u2264/g, '<=')
    .replace(/\u2026/g, '...')
    .replace(/[\t\r\n]+/g, ' ')
    .replace(/[^\x20-\x7e\xa0-\xff\u2022]/gu, '?');
}

export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (font.widthOfTextAtSize(next, size) <= width) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    // A single word wider than the line (a long URL or id) is split by characters.
    let rest = w;
    while (font.widthOfTextAtSize(rest, size) > width) {
      let n = rest.length - 1;
      while (n > 1 && font.widthOfTextAtSize(rest.slice(0, n), size) > width) n--;
      lines.push(rest.slice(0, n));
      rest = rest.slice(n);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

export async function layoutSections(lib: PdfLib, sections: Section[], title: string, now: string): Promise<Uint8Array> {
  const doc = await lib.PDFDocument.create();
  doc.setTitle(toWinAnsi(title));
  // Dated from the packet's own timestamp, not the clock: the same packet renders to the same bytes.
  const when = new Date(now);
  if (!Number.isNaN(when.getTime())) {
    doc.setCreationDate(when);
    doc.setModificationDate(when);
  }
  doc.setProducer('ClaimReady');
  doc.setCreator('ClaimReady');
  const regular = await doc.embedFont(lib.StandardFonts.Helvetica);
  const bold = await doc.embedFont(lib.StandardFonts.HelveticaBold);
  const width = LETTER[0] - 2 * MARGIN;
  const ink = lib.rgb(0.1, 0.1, 0.12);

  let page: PDFPage = doc.addPage(LETTER);
  let y = LETTER[1] - MARGIN;
  const ensure = (h: number): void => {
    if (y - h < MARGIN + 18) {
      page = doc.addPage(LETTER);
      y = LETTER[1] - MARGIN;
    }
  };
  const draw = (text: string, font: PDFFont, size: number, indent = 0, hang = 0): void => {
    const lines = wrap(toWinAnsi(text), font, size, width - indent - hang);
    lines.forEach((l, i) => {
      ensure(size * LEADING);
      y -= size * LEADING;
      page.drawText(l, { x: MARGIN + indent + (i > 0 ? hang : 0), y, size, font, color: ink });
    });
  };

  sections.forEach((s, i) => {
    ensure((i === 0 ? TITLE : HEAD) * LEADING * 3);
    y -= i === 0 ? 0 : 8;
    draw(s.heading, bold, i === 0 ? TITLE : HEAD);
    y -= 3;
    for (const line of s.lines) {
      const indent = line.match(/^ +/)?.[0].length ?? 0;
      const t = line.trimStart();
      if (t.startsWith('- ')) draw(`\u2022 ${t.slice(2)}`, regular, BODY, 8 + indent * 3, 9);
      else draw(t, regular, BODY, indent * 3);
    }
  });

  const pages = doc.getPages();
  pages.forEach((pg, i) => {
    pg.drawText(toWinAnsi(`${title} - page ${i + 1} of ${pages.length}`), {
      x: MARGIN,
      y: MARGIN - 24,
      size: 8,
      font: regular,
      color: lib.rgb(0.4, 0.4, 0.45),
    });
  });
  return doc.save();
}
