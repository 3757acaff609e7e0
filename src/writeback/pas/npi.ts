// The NPI's own check (CMS NPI standard, 45 CFR 162.406: ten digits, the last a Luhn check digit over the card-issuer
// prefix 80840 and the first nine). US Core Practitioner states it as us-core-16/17; the packet check says it in
// words, and the builder does not pass a clinician whose "NPI" fails it into the packet as context (exports such as
// Synthea's carry three-digit placeholders under the NPI system).
import type { Practitioner } from 'fhir/r4';
import { SYSTEMS } from './systems';

export function isValidNpi(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  const digits = `80840${value}`;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** What US Core Practitioner needs of a person to name them: an identifier that is not a broken NPI, a family name. */
export function practitionerProblem(p: Practitioner): string | undefined {
  const ids = (p.identifier ?? []).filter((i) => i.value);
  const badNpi = ids.find((i) => i.system === SYSTEMS.npi && !isValidNpi(i.value ?? ''));
  if (badNpi) return `NPI ${badNpi.value ?? ''} is not a valid NPI (10 digits with a check digit)`;
  if (!ids.length) return 'no identifier';
  if (!(p.name ?? []).some((n) => n.family)) return 'no family name';
  return undefined;
}

export function practitionerDisplay(p: Practitioner): string {
  const n = p.name?.[0];
  const built = n ? [...(n.prefix ?? []), ...(n.given ?? []), n.family ?? ''].join(' ').trim() : '';
  return n?.text ?? (built || 'Practitioner');
}
