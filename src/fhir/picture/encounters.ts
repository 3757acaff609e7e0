// Encounters: kind (office, procedure, PT, telehealth), date and documented minutes.
import type { EncounterFact, EncounterKind } from '../../policy/picture';
import type { EncounterR } from './schemas';
import { SYS, allText, byDateThenRef, evidence, isSystem, textOf } from './codes';
import { withoutSemanticTag } from './diagnoses';
import { encounterConcepts, namesPt } from './therapy';

const MINUTES_PER: Record<string, number> = { min: 1, h: 60, hr: 60, hour: 60, hours: 60, minutes: 1 };

function kindOf(e: EncounterR): EncounterKind {
  // "Encounter for check up (procedure)": SNOMED's semantic tag says what kind of concept it is, not what was done.
  const words = [...(e.type ?? []).flatMap((t) => [t.text ?? '', ...(t.coding ?? []).map((c) => c.display ?? '')]), allText(e.serviceType)];
  const text = words.map(withoutSemanticTag).join(' ').toLowerCase();
  const classes = Array.isArray(e.class) ? e.class.flatMap((c) => c.coding ?? []) : e.class ? [e.class] : [];
  const classCode = classes.find((c) => c.code)?.code?.toUpperCase();
  if (classCode === 'VR' || /tele|virtual|video/.test(text)) return 'telehealth';
  if (namesPt(encounterConcepts(e))) return 'physical-therapy';
  if (/\bprocedure\b/.test(text) && !/encounter for|patient encounter|check[- ]?up|admission|consultation/.test(text)) return 'procedure';
  const em = (e.type ?? []).some((t) => t.coding?.some((c) => isSystem(c.system, SYS.cpt) && /^992\d\d$/.test(c.code ?? '')));
  if (em || /office|clinic visit|follow[- ]?up|consult|encounter for (problem|symptom|check)|check[- ]?up/.test(text)) return 'office';
  return 'other';
}

/** `fallbackDate`: for the launch encounter only, whose period an EHR may not fill until the visit is closed. */
export function encounterFact(e: EncounterR, fallbackDate?: string): EncounterFact | undefined {
  const date = e.period?.start ?? e.period?.end ?? fallbackDate;
  if (!date || e.status === 'entered-in-error' || e.status === 'cancelled') return undefined;
  const kind = kindOf(e);
  const label = (e.type ?? []).map(textOf).find(Boolean) || 'Encounter';
  const fact: EncounterFact = {
    id: e.id,
    date,
    kind,
    status: e.status ?? 'unknown',
    types: (e.type ?? []).flatMap((t) =>
      (t.coding ?? []).length > 0
        ? (t.coding ?? []).map((c) => ({
            ...(c.system ? { system: c.system } : {}),
            ...(c.code ? { code: c.code } : {}),
            ...(c.display ? { display: c.display } : {}),
          }))
        : t.text
          ? [{ display: t.text }]
          : [],
    ),
    reasons: (e.reasonCode ?? []).map(textOf).filter(Boolean),
    source: 'coded',
    evidence: [evidence('Encounter', e.id, label, date)],
  };
  if (e.period?.end) fact.end = e.period.end;
  const len = e.length;
  if (len?.value !== undefined) {
    const unit = (len.code ?? len.unit ?? 'min').toLowerCase();
    const factor = MINUTES_PER[unit];
    if (factor) fact.minutes = Math.round(len.value * factor);
  }
  return fact;
}

export function encounterFacts(list: EncounterR[], launch?: { id: string; today: string }): EncounterFact[] {
  return list
    .map((e) => encounterFact(e, e.id === launch?.id ? launch.today : undefined))
    .filter((f): f is EncounterFact => f !== undefined)
    .sort(byDateThenRef((f) => f.date));
}
