// Pain scores and functional status, read the way EHRs send them: a LOINC pain code, or a flowsheet row whose
// display/text names a pain scale AND whose unit fits that scale. A unit alone never makes a pain score (colon polyp
// sizes are in mm too). Function instruments: ODI, NDI, PEG, PROMIS physical function, within their score ranges.
import type { DataIssue, FunctionalFact, FunctionalInstrument, PainScoreFact } from '../../policy/picture';
import type { ObservationR } from './schemas';
import { SYS, allText, byDateThenRef, codeOf, evidence, hasCode, textOf } from './codes';
import { isReliefObservation } from './relief';

/** LOINC: 72514-3 pain severity 0-10 verbal numeric rating (reported); 38208-5 pain severity reported. */
const NRS_LOINC = ['72514-3', '38208-5'];

function dateOf(o: ObservationR): string | undefined {
  return o.effectiveDateTime ?? o.effectiveInstant ?? o.effectivePeriod?.start ?? o.issued;
}

// US Core observation categories: a pain or function score is a vital sign, a survey, an exam or therapy row, or an
// uncategorised flowsheet row. A laboratory or imaging result never is (a 6 mm polyp, a 32 mm cyst), nor is social
// history; only a LOINC pain code outranks the category (some EHRs file everything under one category).
const NOT_SCORE_CATEGORIES = new Set(['laboratory', 'imaging', 'social-history']);

// A category code or text (HL7 observation-category, US Core's own), in any case, "social history" as spelled.
const notScoreWord = (word: string | undefined): boolean =>
  word !== undefined && NOT_SCORE_CATEGORIES.has(word.toLowerCase().replace(/\s+/g, '-'));

// Checked for every observation (and each component): no arrays built per call.
const notAScore = (o: ObservationR): boolean =>
  (o.category ?? []).some((k) => notScoreWord(k.text) || (k.coding ?? []).some((c) => notScoreWord(c.code)));

// US Core: only results that stand count; a preliminary or withdrawn one is not documentation.
const NOT_USABLE = new Set(['entered-in-error', 'cancelled', 'registered', 'preliminary']);
const usable = (o: ObservationR): boolean => !NOT_USABLE.has(o.status ?? '');

function painContext(text: string): PainScoreFact['context'] {
  const t = text.toLowerCase();
  if (/\bworst\b/.test(t)) return 'worst';
  if (/\baverage\b|\busual\b/.test(t)) return 'average';
  if (/\bleast\b|\bbest\b/.test(t)) return 'least';
  if (/\bcurrent\b|\bnow\b|\bat rest\b/.test(t)) return 'current';
  return undefined;
}

const VAS_TEXT = /\bVAS\b|visual analog(ue)?/i;
const NRS_TEXT =
  /\bNRS\b|numeric (pain )?rating|pain (score|scale|severity|intensity|level|rating)|(score|scale|severity|intensity|level|rating) of pain/i;
// A row about pain that is not a pain intensity: relief, goals, location, how it interferes.
const NOT_INTENSITY =
  /relief|improv|reduc|goal|location|site|onset|duration|frequency|interfer|quality|radiat|descriptor|character|acceptable/i;
const SCORE_UNITS = new Set(['', '{score}', 'score', '{#}', '1', '/10', '{pain score}', 'points', 'pts', '{points}']);

type Scale = { instrument: 'NRS' | 'VAS'; divisor: number };

/** Cheap first look (a LOINC pain code or a pain word), so vital signs and labs skip the scale checks below. */
function mayBePainScore(code: ObservationR['code']): boolean {
  return hasCode(code, SYS.loinc, NRS_LOINC) || /pain|\bVAS\b|\bNRS\b/i.test(allText(code));
}

/** Which scale a coded or worded row is on, judged by its code or its words plus a unit that fits; else none. */
function scaleOf(o: ObservationR, value: number, unit: string): Scale | undefined {
  if (hasCode(o.code, SYS.loinc, NRS_LOINC)) return SCORE_UNITS.has(unit) ? { instrument: 'NRS', divisor: 1 } : undefined;
  if (notAScore(o)) return undefined;
  const text = allText(o.code);
  if (!text || NOT_INTENSITY.test(text) || !/pain|\bVAS\b|\bNRS\b/i.test(text)) return undefined;
  if (VAS_TEXT.test(text)) {
    if (unit === 'mm') return { instrument: 'VAS', divisor: 10 };
    if (unit === 'cm') return { instrument: 'VAS', divisor: 1 };
    if (SCORE_UNITS.has(unit)) return { instrument: 'VAS', divisor: value > 10 ? 10 : 1 };
    return undefined;
  }
  if (NRS_TEXT.test(text) && SCORE_UNITS.has(unit)) return { instrument: 'NRS', divisor: 1 };
  return undefined;
}

/** A pain row on a 0-10 scale whose value cannot be on it (12/10): named, never read as a score. */
function outOfRange(o: ObservationR, value: number, issues: DataIssue[]): undefined {
  issues.push({
    resourceType: 'Observation',
    id: o.id,
    severity: 'warning',
    path: 'value',
    message: `Pain score ${value} is outside its 0-10 scale; it was not read as a pain score.`,
  });
  return undefined;
}

// Flowsheet rows often carry the number as text ("7", "7/10") in valueString or an answer's text or display.
const SCORE_TEXT = /^\s*(\d{1,3}(?:\.\d+)?)\s*(\/\s*10|out of 10)?\s*$/i;

function textValue(o: ObservationR): { value: number; unit: string } | 'unreadable' | undefined {
  const concept = o.valueCodeableConcept;
  const texts = [o.valueString, concept?.text, ...(concept?.coding ?? []).map((c) => c.display)].filter(
    (t): t is string => typeof t === 'string' && t.trim() !== '',
  );
  if (texts.length === 0) return undefined;
  for (const t of texts) {
    const m = SCORE_TEXT.exec(t);
    if (m) return { value: Number(m[1]), unit: m[2] ? '/10' : '' };
  }
  return 'unreadable';
}

function unreadable(o: ObservationR, issues: DataIssue[]): void {
  issues.push({
    resourceType: 'Observation',
    id: o.id,
    severity: 'warning',
    path: 'value',
    message: 'A pain score row with no numeric value (absent, or words such as "severe"); it was not read as a pain score.',
  });
}

export function painScoreFact(o: ObservationR, issues: DataIssue[] = []): PainScoreFact | undefined {
  if (!usable(o) || !mayBePainScore(o.code)) return undefined;
  const date = dateOf(o);
  const numeric = o.valueQuantity?.value ?? o.valueInteger;
  const asText = numeric === undefined ? textValue(o) : undefined;
  if (numeric === undefined && (asText === undefined || asText === 'unreadable')) {
    // Named only when the row is a pain-intensity row, so "pain location: low back" stays quiet.
    if (date && scaleOf(o, 0, '')) unreadable(o, issues);
    return undefined;
  }
  const fromText = typeof asText === 'object' ? asText : undefined;
  const value = numeric ?? fromText?.value;
  if (value === undefined) return undefined;
  if (!date || value === undefined || !Number.isFinite(value) || value < 0) return undefined;
  const unit = fromText ? fromText.unit : (o.valueQuantity?.code ?? o.valueQuantity?.unit ?? '').trim().toLowerCase();
  const scale = scaleOf(o, value, unit);
  if (!scale) return undefined;
  const scaled = value / scale.divisor;
  if (scaled > 10) return outOfRange(o, value, issues);
  const code = codeOf(o.code, SYS.loinc);
  const label = textOf(o.code) || scale.instrument;
  const shown = Math.round(value * 10) / 10;
  const fact: PainScoreFact = {
    instrument: scale.instrument,
    value: Math.round(scaled * 10) / 10,
    raw: `${value}${unit ? ` ${unit}` : ''}`,
    date,
    source: 'coded',
    evidence: [evidence('Observation', o.id, `${label}: ${shown}${unit === 'mm' || unit === 'cm' ? ` ${unit}` : ''}`, date)],
  };
  const context = painContext(allText(o.code));
  if (context) fact.context = context;
  if (code) fact.code = code;
  return fact;
}

// Ranges per instrument: ODI/NDI as percent (0-100; NDI raw 0-50 is doubled), PEG 0-10, PROMIS T-score 10-90.
const RANGES: Record<FunctionalInstrument, [number, number]> = {
  ODI: [0, 100],
  NDI: [0, 100],
  PEG: [0, 10],
  'PROMIS-PF': [10, 90],
  other: [0, 1000],
};

function instrumentOf(text: string): FunctionalInstrument | undefined {
  if (/oswestry|\bODI\b/i.test(text)) return 'ODI';
  if (/neck disability|\bNDI\b/i.test(text)) return 'NDI';
  if (/\bPEG\b|pain, enjoyment|pain enjoyment/i.test(text)) return 'PEG';
  if (/PROMIS.*physical function/i.test(text)) return 'PROMIS-PF';
  return undefined;
}

const LIMITATION = /functional (status|limitation)|limitation|activities of daily living|\bADLs?\b|function/i;

export function functionalFact(o: ObservationR): FunctionalFact | undefined {
  if (!usable(o) || isReliefObservation(o)) return undefined;
  const date = dateOf(o);
  if (!date) return undefined;
  const text = allText(o.code);
  const instrument = instrumentOf(text);
  const label = textOf(o.code) || 'Function';
  if (instrument && !notAScore(o)) {
    let score = o.valueQuantity?.value ?? o.valueInteger;
    if (score === undefined || !Number.isFinite(score)) return undefined;
    const unit = (o.valueQuantity?.code ?? o.valueQuantity?.unit ?? '').trim();
    // The NDI's raw form is out of 50; the policy reads it as a percent.
    if (instrument === 'NDI' && unit !== '%' && /\b(raw|\/50|of 50)\b/i.test(`${text} ${unit}`)) score *= 2;
    const [lo, hi] = RANGES[instrument];
    if (score < lo || score > hi) return undefined;
    return {
      instrument,
      score,
      date,
      source: 'coded',
      evidence: [evidence('Observation', o.id, `${label}: ${score}${instrument === 'ODI' || instrument === 'NDI' ? '%' : ''}`, date)],
    };
  }
  const limitation = o.valueString ?? (o.valueCodeableConcept ? textOf(o.valueCodeableConcept) : undefined);
  if (!limitation || !LIMITATION.test(text)) return undefined;
  return { limitation, date, source: 'coded', evidence: [evidence('Observation', o.id, `${label}: ${limitation}`, date)] };
}

/** Some EHRs file the pain score as a component of a vital-signs or survey panel. */
function componentScores(o: ObservationR): PainScoreFact[] {
  const out: PainScoreFact[] = [];
  for (const c of o.component ?? []) {
    if (!mayBePainScore(c.code)) continue; // blood pressure and the like: no copy of the whole observation
    const as: ObservationR = { ...o, code: c.code, component: [] };
    delete as.valueQuantity;
    delete as.valueInteger;
    if (c.valueQuantity) as.valueQuantity = c.valueQuantity;
    if (c.valueInteger !== undefined) as.valueInteger = c.valueInteger;
    const f = painScoreFact(as);
    if (f) out.push(f);
  }
  return out;
}

export function painScoreFacts(list: ObservationR[], issues: DataIssue[] = []): PainScoreFact[] {
  return list
    .flatMap((o) => {
      if (isReliefObservation(o)) return [];
      const own = painScoreFact(o, issues);
      return own ? [own] : componentScores(o);
    })
    .sort(byDateThenRef((f) => f.date));
}

export function functionalFacts(list: ObservationR[]): FunctionalFact[] {
  return list
    .map(functionalFact)
    .filter((f): f is FunctionalFact => f !== undefined)
    .sort(byDateThenRef((f) => f.date));
}
