// The paragraph a reviewer reads first: who, what is wrong and where, for how long, how bad, what was tried and
// failed, what the imaging shows, and what is asked for. Built from the same facts as the rest of the document.
import type { ClinicalPicture, PlannedService } from '../../policy/picture';
import { daysBetween } from '../../policy/dates';
import { regionGroupOf, serviceDef } from '../../policy/services';
import { latestScores, type PainSince } from './facts';

export interface NarrativeInput {
  picture: ClinicalPicture;
  service: PlannedService;
  diagnoses: { code: string; label: string }[];
}

const SEX: Record<string, string> = { female: 'woman', male: 'man' };
// A minor is not a "man" or "woman" (Synthea's records include children with whiplash).
const MINOR: Record<string, string> = { female: 'girl', male: 'boy' };
const TRIED = new Set(['failed', 'not-tolerated', 'contraindicated']);

function age(birthDate: string | undefined, on: string): number | undefined {
  if (!birthDate || !/^\d{4}-\d{2}-\d{2}/.test(birthDate)) return undefined;
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5, 10) < birthDate.slice(5, 10) ? years - 1 : years;
}

export function narrative(i: NarrativeInput, since: PainSince | undefined, asOf: string): string {
  const { picture: p, service: s } = i;
  const years = age(p.patient.birthDate, asOf);
  const noun = (years !== undefined && years < 18 ? MINOR : SEX)[p.patient.sex ?? ''] ?? 'patient';
  const who = `${years !== undefined ? `${years}-year-old ` : ''}${noun}`;
  const dx = i.diagnoses
    .map((d) => (d.label || d.code).replace(/,? not elsewhere classified/i, ''))
    .map((l) => (/^[A-Z][a-z]/.test(l) ? `${l[0]?.toLowerCase() ?? ''}${l.slice(1)}` : l))
    .join(' and ');
  const site = [s.laterality, s.region, s.levels.join(', ')].filter(Boolean).join(' ');
  const parts: string[] = [
    `${who[0]?.toUpperCase() ?? ''}${who.slice(1)} with ${dx || 'the ordered indication'}${site ? ` (${site})` : ''}`,
  ];
  if (since) parts.push(`pain for ${since.text} (since ${since.onset})`);
  const score = latestScores(p)[0];
  if (score) parts.push(`${score.instrument} ${score.value}/10 on ${score.date.slice(0, 10)}`);
  const fn = [...p.functionalStatus].filter((f) => f.score !== undefined).sort((x, y) => y.date.localeCompare(x.date))[0];
  if (fn) parts.push(`${fn.instrument ?? 'function score'} ${fn.score}${fn.instrument === 'ODI' || fn.instrument === 'NDI' ? '%' : ''}`);
  const group = regionGroupOf(s.region);
  const tried = p.conservativeCare
    .filter((c) => TRIED.has(c.outcome) && (c.start || c.end) && (!s.date || (c.start ?? c.end ?? '') <= s.date))
    .sort((x, y) => (y.start ?? y.end ?? '').localeCompare(x.start ?? x.end ?? ''))
    .slice(0, 3)
    .map((c) => {
      const weeks = c.start && c.end ? Math.max(0, Math.round(daysBetween(c.start, c.end) / 7)) : undefined;
      return `${c.description}${weeks !== undefined ? ` for ${weeks} weeks` : ''} (${c.outcome.replace('-', ' ')})`;
    });
  const image = p.imaging
    .filter((m) => m.date && (!s.region || !m.region || regionGroupOf(m.region) === group))
    .sort((x, y) => (y.date ?? '').localeCompare(x.date ?? ''))[0];
  // The region's earlier procedures and what they did: for an ablation or a repeat injection, the fact the request rests on.
  const prior = p.procedureHistory
    .filter(
      (x) =>
        x.status === 'completed' &&
        serviceDef(x.code) &&
        (!s.region || !x.region || regionGroupOf(x.region) === group) &&
        (!s.date || x.date.slice(0, 10) < s.date.slice(0, 10)),
    )
    .sort((x, y) => x.date.localeCompare(y.date))
    .slice(-3)
    .map((x) => {
      const best = [...x.relief].sort((a, b) => b.percent - a.percent)[0];
      return `${x.date.slice(0, 10)} ${serviceDef(x.code)?.label ?? x.code} (${best ? `${best.percent}% ${best.measure} relief` : 'response not documented'})`;
    });
  const what = serviceDef(s.code)?.label ?? s.code;
  return [
    `${parts.join('; ')}.`,
    tried.length ? `Conservative care tried: ${tried.join('; ')}.` : 'No failed conservative care is dated in the record.',
    prior.length ? `Prior procedures in this region: ${prior.join('; ')}.` : '',
    image
      ? `${image.modality} of ${image.date?.slice(0, 10)}${image.levels.length ? ` at ${image.levels.join(', ')}` : ''} is described below.`
      : '',
    `Requested: ${s.code} ${what}.`,
  ]
    .filter(Boolean)
    .join(' ');
}
