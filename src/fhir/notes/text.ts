// Note content -> plain text. The plain text is the coordinate system of every evidence span, so it is produced once
// here and never re-derived elsewhere. HTML is untrusted: we scan it as characters (no DOMParser, so the same code
// runs in Node and the browser and nothing is ever parsed into a live document), keep only text, and drop the
// contents of script/style-like elements entirely.
import type { NoteDoc } from '../../policy/picture';

export interface NoteSource {
  ref: string;
  title: string;
  date?: string;
  contentType: string;
  raw: string;
}

export function toNoteDoc(src: NoteSource): NoteDoc {
  const type = src.contentType.toLowerCase().split(';')[0]!.trim();
  let text: string;
  if (type === 'text/html' || type === 'application/xhtml+xml') text = htmlToText(src.raw);
  else if (type === 'text/rtf' || type === 'application/rtf' || /^\s*\{\\rtf/.test(src.raw)) text = rtfToText(src.raw);
  else text = plainToText(src.raw);
  const doc: NoteDoc = { ref: src.ref, title: src.title, contentType: src.contentType, text };
  if (src.date !== undefined) doc.date = src.date;
  return doc;
}

export function plainToText(raw: string): string {
  // eslint-disable-next-line no-control-regex
  return raw.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

// ---------------------------------------------------------------- HTML

const SKIP_CONTENT = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'math', 'head', 'title']);
const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'tr',
  'ul',
  'ol',
  'table',
  'tbody',
  'thead',
  'section',
  'article',
  'header',
  'footer',
  'blockquote',
  'pre',
  'hr',
  'dt',
  'dd',
  'dl',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'caption',
  'body',
  'html',
  'nav',
  'aside',
  'main',
  'figure',
  'address',
  'fieldset',
  'form',
]);
const CELL = new Set(['td', 'th']);

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  deg: '°',
  plusmn: '±',
  frac12: '½',
  frac14: '¼',
  frac34: '¾',
  times: '×',
  divide: '÷',
  le: '≤',
  ge: '≥',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bull: '•',
  middot: '·',
  micro: 'µ',
  copy: '©',
  reg: '®',
  trade: '™',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  shy: '',
};
// Latin-1 accented letters (&eacute; &Ntilde; ...), generated rather than listed.
const ACCENTS: [string, string][] = [
  ['grave', '\u0300'],
  ['acute', '\u0301'],
  ['circ', '\u0302'],
  ['tilde', '\u0303'],
  ['uml', '\u0308'],
  ['ring', '\u030a'],
  ['cedil', '\u0327'],
];
for (const letter of 'aeiouyncAEIOUYNC') {
  for (const [name, mark] of ACCENTS) {
    const composed = (letter + mark).normalize('NFC');
    if (composed.length === 1) NAMED_ENTITIES[letter + name] = composed;
  }
}
const ENTITY = /&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z][a-zA-Z0-9]{1,10});/g;

export function decodeEntities(s: string): string {
  return s.replace(ENTITY, (whole, body: string) => {
    if (body.charCodeAt(0) === 35 /* # */) {
      const hex = body[1] === 'x' || body[1] === 'X';
      const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
      // Refuse NUL, surrogates and out-of-range code points rather than producing broken strings.
      if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

const TAG_NAME = /^\/?\s*([a-zA-Z][a-zA-Z0-9-]*)/;

/** HTML -> text: block elements become line breaks, inline whitespace collapses as a browser would. */
export function htmlToText(html: string): string {
  const parts: string[] = [];
  const lower = html.toLowerCase();
  let i = 0;
  let textStart = 0;
  // The first ">" after the current "<"; reused while still ahead, so a run of unclosed "<" stays linear.
  let gt = -1;
  let unquotedUntil = -1;
  const flushText = (end: number): void => {
    if (end > textStart) parts.push(decodeEntities(html.slice(textStart, end)).replace(/\s+/g, ' '));
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) break;
    if (lower.startsWith('<!--', lt)) {
      flushText(lt);
      const end = html.indexOf('-->', lt + 4);
      i = textStart = end === -1 ? html.length : end + 3;
      continue;
    }
    // Declarations and processing instructions (<!DOCTYPE html>, <?xml ...?>) are markup, not note text.
    if (lower.startsWith('<!', lt) || lower.startsWith('<?', lt)) {
      flushText(lt);
      const end = html.indexOf('>', lt + 2);
      i = textStart = end === -1 ? html.length : end + 1;
      continue;
    }
    const m = TAG_NAME.exec(html.slice(lt + 1, Math.min(html.length, lt + 40)));
    if (m && gt <= lt) gt = html.indexOf('>', lt + 1);
    if (m && gt === -1) break;
    if (!m) {
      // A bare "<" (e.g. "pain < 3") is text.
      i = lt + 1;
      continue;
    }
    // A quoted attribute value may hold ">" (alt="a>b"): end the tag after the quotes close (short tags only, so a
    // run of broken tags cannot make this quadratic).
    if (gt - lt < 1024 && lt >= unquotedUntil) {
      const end = quotedTagEnd(html, lt);
      // Quotes that never close: treat tags in this stretch as unquoted rather than rescanning it for each one.
      if (end === -1) unquotedUntil = lt + 1024;
      else gt = end;
    }
    flushText(lt);
    const closing = html.charCodeAt(lt + 1) === 47; /* / */
    const name = m[1]!.toLowerCase();
    i = textStart = gt + 1;
    if (!closing && SKIP_CONTENT.has(name) && !html.slice(lt, gt).endsWith('/')) {
      const close = lower.indexOf(`</${name}`, gt + 1);
      if (close === -1) {
        i = textStart = html.length;
      } else {
        const closeEnd = html.indexOf('>', close);
        i = textStart = closeEnd === -1 ? html.length : closeEnd + 1;
      }
      continue;
    }
    if (BLOCK.has(name)) parts.push('\n');
    else if (CELL.has(name) && !closing) parts.push('\t');
  }
  flushText(html.length);
  return tidyLines(parts.join(''));
}

/** The ">" that ends the tag opened at `lt`, skipping ">" inside quoted attribute values; -1 if not found nearby. */
function quotedTagEnd(html: string, lt: number): number {
  let quote = 0;
  const limit = Math.min(html.length, lt + 1024);
  for (let k = lt + 1; k < limit; k++) {
    const c = html.charCodeAt(k);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) {
      quote = c;
    } else if (c === 62) {
      return k;
    }
  }
  return -1;
}

/** Trim each line, drop spaces around breaks and blank lines (sentences are split per line anyway). */
function tidyLines(s: string): string {
  return s
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, (w) => (w.includes('\t') ? '\t' : ' ')).trim())
    .join('\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

// ---------------------------------------------------------------- RTF

// Destinations whose content is never document text.
const RTF_SKIP_DEST = new Set([
  'fonttbl',
  'colortbl',
  'stylesheet',
  'info',
  'pict',
  'header',
  'footer',
  'listtable',
  'listoverridetable',
  'rsidtbl',
  'generator',
  'xmlnstbl',
  'themedata',
  'colorschememapping',
  'latentstyles',
  'datastore',
]);
const RTF_TOKEN = /\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z])|([{}])|[\r\n]+|[^\\{}\r\n]+/g;

/** Simple RTF (as EHRs emit for notes) -> text: paragraphs, tabs, hex and unicode escapes; tables flattened. */
export function rtfToText(rtf: string): string {
  const out: string[] = [];
  // Per group: is it skipped, and the \uc fallback count.
  const stack: { skip: boolean; uc: number }[] = [{ skip: false, uc: 1 }];
  let pendingSkip = 0;
  let groupJustOpened = false;
  RTF_TOKEN.lastIndex = 0;
  for (let m = RTF_TOKEN.exec(rtf); m !== null; m = RTF_TOKEN.exec(rtf)) {
    const top = stack[stack.length - 1]!;
    const [whole, word, param, hex, sym, brace] = m;
    const opened = groupJustOpened;
    groupJustOpened = false;
    if (brace === '{') {
      stack.push({ skip: top.skip, uc: top.uc });
      groupJustOpened = true;
      continue;
    }
    if (brace === '}') {
      if (stack.length > 1) stack.pop();
      pendingSkip = 0;
      continue;
    }
    if (word !== undefined) {
      if (opened && RTF_SKIP_DEST.has(word)) top.skip = true;
      if (top.skip) continue;
      switch (word) {
        case 'par':
        case 'line':
        case 'row':
        case 'sect':
        case 'page':
          out.push('\n');
          break;
        case 'tab':
        case 'cell':
          out.push('\t');
          break;
        case 'uc':
          top.uc = Number(param ?? '1');
          break;
        case 'u': {
          let code = Number(param ?? '0');
          if (code < 0) code += 65536;
          out.push(String.fromCharCode(code));
          pendingSkip = top.uc;
          break;
        }
        case 'emdash':
          out.push('—');
          break;
        case 'endash':
          out.push('–');
          break;
        case 'bullet':
          out.push('•');
          break;
        case 'lquote':
        case 'rquote':
          out.push("'");
          break;
        case 'ldblquote':
        case 'rdblquote':
          out.push('"');
          break;
        default:
          break;
      }
      continue;
    }
    if (sym !== undefined) {
      if (sym === '*' && opened) {
        top.skip = true;
        continue;
      }
      if (top.skip) continue;
      if (sym === '\\' || sym === '{' || sym === '}') out.push(sym);
      else if (sym === '~') out.push(' ');
      else if (sym === '_') out.push('-');
      else if (sym === '\n' || sym === '\r') out.push('\n');
      continue;
    }
    if (top.skip) continue;
    if (hex !== undefined) {
      if (pendingSkip > 0) {
        pendingSkip--;
        continue;
      }
      out.push(cp1252(Number.parseInt(hex, 16)));
      continue;
    }
    if (whole.charCodeAt(0) === 10 || whole.charCodeAt(0) === 13) continue;
    let text = whole;
    if (pendingSkip > 0) {
      const n = Math.min(pendingSkip, text.length);
      text = text.slice(n);
      pendingSkip -= n;
    }
    out.push(text);
  }
  return tidyLines(out.join(''));
}

const CP1252_HIGH: Record<number, string> = {
  0x80: '€',
  0x82: '‚',
  0x84: '„',
  0x85: '…',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x99: '™',
};
function cp1252(byte: number): string {
  return CP1252_HIGH[byte] ?? String.fromCharCode(byte);
}
