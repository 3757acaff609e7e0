// Prior procedures a note tells in prose: "had an L4-5 ESI at another clinic in March with 80% relief", "s/p right
// L5-S1 TFESI 2026-06-02", "two prior MBBs". Procedures done elsewhere are often on record only this way, and a
// frequency or repeat rule that does not see them says "ready" for a fifth session in a year (issue 9, F20).
// Each mention carries its date as precisely as the note gives it (a day, a month, a year, or none) and the span
// of its sentence, so relief told in the same sentence is its own (merge-procedures.ts).
import type { Evidence, Laterality, NoteDoc, ServiceKind, SpinalLevel, SpinalRegion } from '../../policy/picture';
import { addMonths, addDays } from '../../policy/dates';
import { clauseEnd, clauseStart, type Sentence } from './context';
import { mentionContext } from './cues';
import { DATE, gatedMatches, matchAll, MONTH_NAME, noteDay, parseDate, parseNumber, spanEvidence } from './lexicon';
import { levelGroups, regionOf } from './extract-site';
import { namedDates } from './relief-when';

export interface NotePriorProcedure {
  source: 'note';
  evidence: Evidence[];
  kind: ServiceKind;
  approachUnknown?: boolean;
  display: string;
  region?: SpinalRegion;
  levels: SpinalLevel[];
  laterality?: Laterality;
  outside: boolean;
  /** Sessions named (a count: "three prior ESIs"); 1 for a single mention. */
  count: number;
  /** The latest day it can have been ('YYYY-MM-DD'), when the note places it at all. */
  date?: string;
  datePrecision?: 'month' | 'year';
  /** Note-text offsets of its sentence: relief told there is this procedure's. */
  sentence: { start: number; end: number };
}

// Named approaches first: "transforaminal epidural steroid injection" is a transforaminal one, not a bare ESI.
const TF = String.raw`TFESIs?|TFEs?|transforaminal (?:epidural )?(?:steroid )?(?:injections?|ESIs?|blocks?|epidurals?)|selective nerve root blocks?|SNRBs?`;
const IL = String.raw`ILESIs?|CESIs?|(?:interlaminar|caudal) (?:epidural )?(?:steroid )?(?:injections?|ESIs?|epidurals?|blocks?)`;
const ANY_ESI = String.raw`(?:epidural steroid|steroid epidural|epidural) (?:injections?|shots?|blocks?)|L?ESIs?|epidurals(?! space)`;
const MBB = String.raw`medial branch (?:nerve )?blocks?|MBBs?`;
const RFA = String.raw`radiofrequency (?:ablations?|neurotom(?:y|ies)|rhizotom(?:y|ies)|lesioning)|RFAs?|rhizotom(?:y|ies)`;
const FACET = String.raw`(?:intra-?articular )?facet (?:joint )?(?:injections?|blocks?)`;
const SI = String.raw`(?:SI|SIJ|sacroiliac) (?:joint )?(?:injections?|blocks?)`;
const PROCEDURE = new RegExp(String.raw`\b(?:(${TF})|(${IL})|(${ANY_ESI})|(${MBB})|(${RFA})|(${FACET})|(${SI}))\b`, 'gi');
const GATE = [
  'esi',
  'epidural',
  'transforaminal',
  'tfe',
  'nerve root',
  'snrb',
  'medial branch',
  'mbb',
  'radiofrequency',
  'rfa',
  'rhizotom',
  'facet',
  'sacroiliac',
  'si joint',
  'sij',
];

const KINDS: [ServiceKind, boolean][] = [
  ['esi-transforaminal', false],
  ['esi-interlaminar', false],
  ['esi-transforaminal', true],
  ['facet-mbb', false],
  ['facet-rfa', false],
  ['facet-ia', false],
  ['si-joint', false],
];

// "at another clinic", "by an outside provider", "elsewhere", "before transferring care".
const OUTSIDE =
  /\b(?:at (?:an?other|a different|an outside|outside|a previous|a prior) (?:\w+ ){0,2}?(?:clinic|practice|facility|office|hospital|center|centre|group|provider)|(?:by|with|from) (?:an? )?(?:outside|previous|prior|former|different|other) (?:\w+ )?(?:provider|physician|doctor|pain (?:doctor|physician|specialist|clinic|management)|clinic|practice)|outside (?:clinic|facility|hospital|records?|pain (?:clinic|management|practice))|elsewhere|prior to (?:establishing care|transferring)|before (?:establishing care|transferring))\b/i;
// Not a spine procedure of these families: the knee, hip or shoulder, genicular and occipital targets.
const OTHER_TARGET = /\b(?:genicular|knee|hip|shoulder|occipital|stellate|sympathetic|intercostal|trigger point)\b/i;
// A labour epidural is anaesthesia, not an epidural steroid injection.
const OBSTETRIC = /\b(?:labou?r|deliver(?:y|ed)|cesarean|caesarean|c-section|obstetric\w*|pregnan\w*)\b/i;
// Told in the story but not done: "Dr. R suggested that the patient try some epidural steroid injections".
const ADVISED_BEFORE =
  /\b(?:suggest\w*|recommend\w*|advis\w*|refer\w*|discuss\w*|consider\w*|offer\w*|propos\w*|wanted|declined|refused|denied)\b/i;
// "x2", "times two", "on three different occasions", "3 times".
const COUNT_AFTER =
  /^\s*(?:[x×]\s*(\d)|times (two|three|four|five|six)|(?:[\w.]+\s+){0,6}?on (?:at least )?(\d|two|three|four|five|six|several|multiple) (?:different |separate )?occasions|(?:\w+\s+){0,3}?(\d|two|three|four|five|six) times)\b/i;
// Past tense the context layer does not read as history: "did undergo", "has undergone", "got".
const DONE_BEFORE = /\b(?:did (?:undergo|have|receive|get)|has undergone|have undergone|had undergone|got|was given|were given)\b/i;
const TODAY = /\b(?:today|this (?:morning|afternoon)|performed on this date|presents? for)\b/i;
const SI_WORD = /\b(?:SI|SIJ|sacroiliac)\b/i;

const COUNT_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, several: 2, multiple: 2, few: 2 };
// "three prior ESIs", "2 previous TFESIs", "several epidurals" right before a plural name.
const COUNT_BEFORE =
  /\b(\d|two|three|four|five|six|several|multiple|a few)\s+(?:(?!(?:weeks?|months?|years?|days?|hours?|of|and|or|then|with|after|before|for)\b)[\w/-]+\s+){0,4}$/i;

const DATE_RE = new RegExp(DATE, 'gi');
const MONTH_ONLY = new RegExp(String.raw`\b(?:in|during|since|around|on|from)\s+(?:early |mid-?|late )?(${MONTH_NAME})(?!\s*\d)\b`, 'gi');
const YEAR_ONLY = /\b(?:in|during|around|back in|from)\s+((?:19|20)\d\d)\b/gi;
const AGO =
  /\b(\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few)\s+(weeks?|months?|years?)\s+ago\b/gi;
const LAST = /\b(last|this|earlier this|previous)\s+(month|year)\b/gi;
/** "several years ago", "a few months ago": read as 3 (numbers in words are the lexicon's, parseNumber). */
const VAGUE_AGO: Record<string, number> = { several: 3, 'a few': 3 };
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

interface Placed {
  at: number;
  /** The latest day it can be. */
  date: string;
  precision?: 'month' | 'year';
}

const pad = (n: number): string => String(n).padStart(2, '0');
const min = (a: string, b: string): string => (a < b ? a : b);
function lastDayOfMonth(y: number, m: number): string {
  return `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
}

/** A day no later than the note's (when it has one). Not a closure in placedDates: that runs per sentence. */
const capAt = (day: string, d: string): string => (day ? min(d, day) : d);

/** Every date the sentence names, as the latest day it can be (capped at the note's day), with its precision. */
function placedDates(s: string, day: string): Placed[] {
  const out: Placed[] = [];
  // Days as the relief reader names them ("2026-03-02", "on January 12", "4/6": the latest such day before the note).
  for (const d of namedDates(s, day)) if (d.value.length === 10) out.push({ at: d.at, date: d.value });
  for (const m of matchAll(DATE_RE, s)) {
    const iso = parseDate(m[0]);
    if (iso?.length === 7)
      out.push({ at: m.index, date: capAt(day, lastDayOfMonth(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)))), precision: 'month' });
  }
  if (!day) return out;
  const y = Number(day.slice(0, 4));
  const mo = Number(day.slice(5, 7));
  for (const m of matchAll(MONTH_ONLY, s)) {
    const mi = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1;
    if (mi < 1) continue;
    // A month without a year is the latest such month on or before the note.
    const year = mi <= mo ? y : y - 1;
    out.push({ at: m.index, date: capAt(day, lastDayOfMonth(year, mi)), precision: 'month' });
  }
  for (const m of matchAll(YEAR_ONLY, s)) out.push({ at: m.index, date: capAt(day, `${m[1]}-12-31`), precision: 'year' });
  for (const m of matchAll(AGO, s)) {
    const w = m[1]!.toLowerCase();
    const n = VAGUE_AGO[w] ?? parseNumber(w);
    if (!Number.isFinite(n)) continue;
    const unit = m[2]!.toLowerCase();
    if (unit.startsWith('year')) out.push({ at: m.index, date: capAt(day, `${y - n}-12-31`), precision: 'year' });
    else {
      const back = unit.startsWith('week') ? addDays(day, -7 * n) : addMonths(day, -n);
      out.push({ at: m.index, date: capAt(day, lastDayOfMonth(Number(back.slice(0, 4)), Number(back.slice(5, 7)))), precision: 'month' });
    }
  }
  for (const m of matchAll(LAST, s)) {
    const which = m[1]!.toLowerCase();
    if (m[2]!.toLowerCase() === 'year')
      out.push({ at: m.index, date: which === 'last' || which === 'previous' ? `${y - 1}-12-31` : day, precision: 'year' });
    else {
      const back = which === 'last' || which === 'previous' ? addMonths(day, -1) : day;
      out.push({ at: m.index, date: capAt(day, lastDayOfMonth(Number(back.slice(0, 4)), Number(back.slice(5, 7)))), precision: 'month' });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/** The date of the mention at [start, end): the nearest in its clause after it, else before it. */
function dateOf(dates: readonly Placed[], s: string, start: number, end: number): Placed | undefined {
  const cs = clauseStart(s, start);
  const ce = clauseEnd(s, end);
  let before: Placed | undefined;
  for (const d of dates) {
    if (d.at >= end && d.at < ce) return d;
    if (d.at < start && d.at >= cs) before = d;
  }
  return before;
}

const REGION_WORD = /\b(cervical|thoracic|lumbar|lumbosacral|caudal|sacral)\b/i;
function regionWord(s: string): SpinalRegion | undefined {
  const w = REGION_WORD.exec(s)?.[1]?.toLowerCase();
  if (!w) return undefined;
  if (w === 'cervical' || w === 'thoracic') return w;
  return w === 'sacral' || w === 'caudal' ? 'sacral' : 'lumbar';
}

function lateralityIn(s: string): Laterality | undefined {
  if (/\bbilateral(?:ly)?\b/i.test(s)) return 'bilateral';
  const left = /\b(?:left|lt)\b/i.test(s);
  const right = /\b(?:right|rt)\b/i.test(s);
  if (left && right) return 'bilateral';
  return left ? 'left' : right ? 'right' : undefined;
}

export function extractPriorProcedures(note: NoteDoc, sentences: readonly Sentence[]): NotePriorProcedure[] {
  const out: NotePriorProcedure[] = [];
  const day = noteDay(note);
  for (const sen of sentences) {
    const s = sen.text;
    let dates: Placed[] | undefined;
    for (const m of gatedMatches(PROCEDURE, GATE, s, sen.lower)) {
      const start = m.index;
      const end = start + m[0].length;
      const g = m.slice(1).findIndex((x) => x !== undefined);
      if (g < 0) continue;
      const cs = clauseStart(s, start);
      const ce = clauseEnd(s, end);
      const clause = s.slice(cs, ce);
      if (OTHER_TARGET.test(clause) || OBSTETRIC.test(s) || ADVISED_BEFORE.test(s.slice(cs, start))) continue;
      const context = mentionContext(sen, start, end, 'conservative-care');
      if (context !== 'history' && context !== 'current') continue;
      const outside = OUTSIDE.test(s);
      dates ??= placedDates(s, day);
      let placed = dateOf(dates, s, start, end);
      // The note's own day named in the sentence is the visit ("Seen 05/20/2026, ... relief after the block"), not
      // the procedure's.
      if (placed && !placed.precision && placed.date === day) placed = undefined;
      // A date after the note is a plan, whatever the verb.
      if (placed && day && placed.date > day) continue;
      // Told as now: today's procedure, or the story of an earlier one only when something places it in the past.
      if (context === 'current') {
        if (sen.section === 'procedure' || sen.section === 'plan' || TODAY.test(s)) continue;
        if (!outside && !(placed && day && placed.date < day) && !/%|percent|relief/i.test(s) && !DONE_BEFORE.test(s.slice(cs, start)))
          continue;
      } else if (sen.section === 'procedure' && !outside) continue;
      const [named, approachUnknown] = KINDS[g]!;
      const kind: ServiceKind = named === 'facet-rfa' && SI_WORD.test(clause) ? 'si-rfa' : named;
      const levels = [...new Set(levelGroups(clause).flatMap((x) => x.levels))];
      const count = Math.max(/s$/i.test(m[0]) ? countBefore(s.slice(cs, start)) : 1, countAfter(s.slice(end, ce)));
      const fact: NotePriorProcedure = {
        source: 'note',
        evidence: [spanEvidence(note, sen, start, end)],
        kind,
        display: `${m[0]} (from the note "${note.title}")`,
        levels,
        outside,
        count,
        sentence: { start: sen.start, end: sen.end },
      };
      if (approachUnknown) fact.approachUnknown = true;
      const region = regionOf(levels) ?? regionWord(clause);
      if (region) fact.region = region;
      const side = lateralityIn(clause);
      if (side) fact.laterality = side;
      if (placed) {
        fact.date = placed.date;
        if (placed.precision) fact.datePrecision = placed.precision;
      }
      out.push(fact);
    }
  }
  return out;
}

function countAfter(after: string): number {
  const c = COUNT_AFTER.exec(after);
  const w = c
    ?.slice(1)
    .find((x) => x !== undefined)
    ?.toLowerCase();
  if (!w) return 1;
  return /^\d$/.test(w) ? Math.max(1, Number(w)) : (COUNT_WORDS[w] ?? 2);
}

function countBefore(before: string): number {
  const c = COUNT_BEFORE.exec(before);
  if (!c) return 1;
  const w = c[1]!.toLowerCase();
  return /^\d$/.test(w) ? Math.max(1, Number(w)) : (COUNT_WORDS[w.replace(/^a /, '')] ?? 2);
}
