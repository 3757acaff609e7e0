// Whether the app may judge at all with what the EHR granted. (Skipping the other withheld types, with a notice,
// is the reader's job: readPatientRecord's `access` option.)

// Without these the picture would be misleading rather than incomplete, so the app refuses to judge.
const ESSENTIAL_READS = ['Patient', 'Condition', 'Procedure'];

export function essentialReadsMissing(canRead: (type: string) => boolean): string[] {
  return ESSENTIAL_READS.filter((t) => !canRead(t));
}
