// Patient demographics for age/sex checks and the banner.
import type { PatientFact } from '../../policy/picture';
import type { PatientR } from './schemas';
import { evidence } from './codes';

const SEXES = ['male', 'female', 'other', 'unknown'] as const;

export function patientFact(patientId: string, p: PatientR | undefined): PatientFact {
  const fact: PatientFact = { id: patientId, source: 'coded', evidence: [evidence('Patient', patientId, 'Patient')] };
  if (!p) return fact;
  if (p.birthDate) fact.birthDate = p.birthDate;
  const sex = SEXES.find((s) => s === p.gender);
  if (sex) fact.sex = sex;
  const n = p.name?.[0];
  const name = n?.text ?? [...(n?.given ?? []), n?.family].filter(Boolean).join(' ');
  if (name) fact.name = name;
  const mrn = p.identifier?.find((i) => i.type?.coding?.some((c) => c.code === 'MR'))?.value;
  if (mrn) fact.mrn = mrn;
  return fact;
}
