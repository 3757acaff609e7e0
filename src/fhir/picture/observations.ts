// Pain scores (NRS LOINC 72514-3, 38208-5, VAS in mm) and functional status (ODI, NDI, PEG, described limitations).
import type { FunctionalFact, FunctionalInstrument, PainScoreFact } from '../../policy/picture';
import type { ObservationR } from './schemas';
import { SYS, allText, byDateThenRef, codeOf, evidence, hasCode, textOf } from './codes';
import { isReliefObservation } from './relief';

const NRS_LOINC = ['72514-3', '38208-5'];

function dateOf(o: ObservationR): string | undefined {
  return o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.issued;
}

const usable = (o: ObservationR): boolean => !['entered-in-error', 'cancelled'].includes(o.status ?? '');

function painContext(text: string): PainScoreFact['context'] {
  const t = text.toLowerCase();
  if (/\bworst\b/.test(t)) return 'worst';
  if (/\baverage\b|\busual\b/.test(t)) return 'average';
  if (/\bleast\b|\bbest\b/.test(t)) return 'least';
  if (/\bcurrent\b|\bnow\b|\bat rest\b/.test(t)) return 'current';
  return undefined;
}

export function painScoreFact(o: ObservationR): PainScoreFact | undefined {
  if (!usable(o)) return undefined;
  const date = dateOf(o);
  const value = o.valueQuantity?.value ?? o.valueInteger;
  if (!date || value === undefined) return undefined;
  const codeText = allText(o.code);
  const unit = (o.valueQuantity?.code ?? o.valueQuantity?.unit ?? '').toLowerCase();
  const isVas = /\bVAS\b|visual analog/i.test(codeText) || unit === 'mm';
  const isNrs = hasCode(o.code, SYS.loinc, NRS_LOINC);
  if (!isVas && !isNrs) return undefined;
  // VAS is 0-100 mm; a 0-10 cm VAS is already on the NRS scale.
  const scaled = isVas && (unit === 'mm' || value > 10) ? value / 10 : value;
  if (scaled < 0 || scaled > 10) return undefined;
  const code = codeOf(o.code, SYS.loinc);
  const label = textOf(o.code) || (isVas ? 'VAS' : 'Pain score');
  const fact: PainScoreFact = {
    instrument: isVas ? 'VAS' : 'NRS',
    value: Math.round(scaled * 10) / 10,
    raw: `${value}${unit ? ` ${unit}` : ''}`,
    date,
    source: 'coded',
    evidence: [evidence('Observation', o.id, `${label}: ${value}${unit === 'mm' ? ' mm' : ''}`, date)],
  };
  const context = painContext(codeText);
  if (context) fact.context = context;
  if (code) fact.code = code;
  return fact;
}

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
  if (instrument) {
    const score = o.valueQuantity?.value ?? o.valueInteger;
    if (score === undefined) return undefined;
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
    if (!hasCode(c.code, SYS.loinc, NRS_LOINC)) continue;
    const as: ObservationR = { ...o, code: c.code, component: [] };
    if (c.valueQuantity) as.valueQuantity = c.valueQuantity;
    if (c.valueInteger !== undefined) as.valueInteger = c.valueInteger;
    const f = painScoreFact(as);
    if (f) out.push(f);
  }
  return out;
}

export function painScoreFacts(list: ObservationR[]): PainScoreFact[] {
  return list
    .flatMap((o) => {
      const own = painScoreFact(o);
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
