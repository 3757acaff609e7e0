// Patient demographics for age/sex checks, the banner and the packet's beneficiary.
import type { PatientFact } from '../../policy/picture';
import type { PatientR } from './schemas';
import { evidence } from './codes';

const SEXES = ['male', 'female', 'other', 'unknown'] as const;

type Name = NonNullable<PatientR['name']>[number];
const parts = (n: Name): { family?: string; given: string[] } => {
  const family = n.family?.trim();
  return { ...(family ? { family } : {}), given: (n.given ?? []).map((g) => g.trim()).filter(Boolean) };
};
const structured = (n: Name): boolean => {
  const p = parts(n);
  return !!p.family || p.given.length > 0;
};
// A name no longer in use (a maiden name, an old alias) is not the member's name on the payer's file.
const current = (n: Name): boolean => n.use !== 'old' && n.use !== 'maiden';

export function patientFact(patientId: string, p: PatientR | undefined): PatientFact {
  const fact: PatientFact = { id: patientId, source: 'coded', evidence: [evidence('Patient', patientId, 'Patient')] };
  if (!p) return fact;
  if (p.birthDate) fact.birthDate = p.birthDate;
  const sex = SEXES.find((s) => s === p.gender);
  if (sex) fact.sex = sex;
  const names = (p.name ?? []).filter(current);
  // The official name with its parts, else any current name with parts, else the first as the EHR sends it.
  const n = names.find((x) => x.use === 'official' && structured(x)) ?? names.find(structured) ?? names[0];
  const { family, given } = n ? parts(n) : { given: [] };
  const shown = n ?? p.name?.[0];
  const name = shown?.text?.trim() || [...(shown ? parts(shown).given : []), shown?.family?.trim()].filter(Boolean).join(' ');
  if (name) fact.name = name;
  // The parts are taken only as recorded: a name sent only as text stays text (the packet check says so).
  if (family) fact.family = family;
  if (given.length) fact.given = given;
  const mrn = p.identifier?.find((i) => i.type?.coding?.some((c) => c.code === 'MR'))?.value;
  if (mrn) fact.mrn = mrn;
  return fact;
}
