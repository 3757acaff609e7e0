// toNoteDoc: untrusted HTML and simple RTF become plain text without executing or keeping markup.
import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText, rtfToText, toNoteDoc } from '../../../src/fhir/notes/text';

const base = { ref: 'DocumentReference/n1', title: 'Office visit', date: '2025-06-01' };

describe('toNoteDoc: HTML', () => {
  const html = `<html><head><title>Visit</title><style>p { color: red } .x:after { content: "7/10" }</style></head>
  <body><h2>HPI</h2><p>Pain is 7/10 &amp; worse &lt;at night&gt;.&nbsp;Caf&eacute; &#8211; &#x2014;</p>
  <script>document.body.innerHTML = "<p>NRS 9</p>"</script>
  <ul><li>PT x 6 weeks<ul><li>nested: HEP</li></ul></li><li>meloxicam</li></ul>
  <!-- hidden <b>NRS 10</b> -->
  <table><tr><td>ODI</td><td>44%</td></tr></table>
  pain &lt; 3 and <b>bold</b>word<img src=x onerror="alert(1)"><SCRIPT type="text/javascript">bad()</SCRIPT >ok<br/>end
  <noscript>enable JS</noscript><iframe src="https://evil.example">frame text</iframe></body></html>`;
  const doc = toNoteDoc({ ...base, contentType: 'text/html; charset=utf-8', raw: html });

  it('keeps text, decodes entities, and turns blocks into lines', () => {
    expect(doc.text.split('\n')).toEqual([
      'HPI',
      'Pain is 7/10 & worse <at night>. Café – —',
      'PT x 6 weeks',
      'nested: HEP',
      'meloxicam',
      'ODI\t44%',
      'pain < 3 and boldwordok',
      'end',
    ]);
  });

  it('drops script, style, comments, noscript and iframe content entirely', () => {
    for (const gone of ['innerHTML', 'NRS 9', 'color', 'NRS 10', 'bad()', 'alert', 'enable JS', 'frame text', 'onerror']) {
      expect(doc.text).not.toContain(gone);
    }
  });

  it('copies ref, title, date and content type', () => {
    expect(doc).toMatchObject({ ref: base.ref, title: base.title, date: base.date, contentType: 'text/html; charset=utf-8' });
  });

  it('treats a stray "<" as text and an unclosed script as swallowing the rest', () => {
    expect(htmlToText('pain <5 today')).toBe('pain <5 today');
    expect(htmlToText('a<script>never closed <p>x')).toBe('a');
    expect(htmlToText('<p>unclosed tag <b')).toBe('unclosed tag <b');
    expect(htmlToText('<img alt="a>b" title=\'c>d\'>NRS 7<p>next')).toBe('NRS 7\nnext');
  });

  it('drops the doctype and XML declarations rather than showing them as note text', () => {
    expect(htmlToText('<!DOCTYPE html>\n<html><body><p>NRS 7/10</p></body></html>')).toBe('NRS 7/10');
    expect(htmlToText('<?xml version="1.0"?><div xmlns="http://www.w3.org/1999/xhtml">ODI 40%</div>')).toBe('ODI 40%');
  });

  it('refuses invalid numeric entities instead of producing broken strings', () => {
    expect(decodeEntities('&#0;&#xD800;&#x110000;')).toBe('\ufffd\ufffd\ufffd');
    expect(decodeEntities('&unknown; &AMP;')).toBe('&unknown; &');
  });

  it('stays linear on pathological markup (1 MB of unclosed tags)', () => {
    const evil = '<a'.repeat(300_000) + '<p' + '&amp'.repeat(50_000);
    const quotes = `<a ">x<b '>`.repeat(90_000);
    const t0 = performance.now();
    htmlToText(evil);
    htmlToText(quotes);
    expect(performance.now() - t0).toBeLessThan(1500);
  });
});

describe('toNoteDoc: RTF', () => {
  const rtf = String.raw`{\rtf1\ansi\deff0{\fonttbl{\f0 Arial;}}{\colortbl;\red0\green0\blue0;}{\*\generator Foo 1.0;}\f0\fs20 HPI:\par Pain 7/10, caf\'e9 \u8211? dash\tab tabbed\par {\b Plan:} left L4-5 TFESI\line next \{braces\} and \\ slash\par}`;

  it('keeps document text, drops tables of fonts/colours and ignorable destinations', () => {
    const doc = toNoteDoc({ ...base, contentType: 'text/rtf', raw: rtf });
    expect(doc.text).toBe('HPI:\nPain 7/10, café – dash\ttabbed\nPlan: left L4-5 TFESI\nnext {braces} and \\ slash');
  });

  it('recognises RTF by its header even when the content type says plain text', () => {
    expect(toNoteDoc({ ...base, contentType: 'text/plain', raw: String.raw`{\rtf1 Pain 6/10\par}` }).text).toBe('Pain 6/10');
  });

  it('honours \\uc for the fallback characters after \\u', () => {
    expect(rtfToText(String.raw`{\rtf1\uc2 x\u233??y}`)).toBe('xéy');
  });
});

describe('toNoteDoc: plain text', () => {
  it('normalises line endings and strips control characters', () => {
    expect(toNoteDoc({ ...base, contentType: 'text/plain', raw: 'a\r\nb\rc\u0007d' }).text).toBe('a\nb\ncd');
  });
});
