// What each still-pending read holds, in the physician's words: the checklist names what it is waiting for instead
// of showing a verdict that data still on its way could overturn.
const WHAT: Record<string, string> = {
  Patient: 'the patient record',
  Condition: 'diagnoses',
  ServiceRequest: 'orders',
  Coverage: 'coverage (the payer)',
  Observation: 'pain and function scores, relief after injections',
  Encounter: 'visits and therapy sessions',
  Procedure: 'prior injections and therapy',
  DocumentReference: 'notes',
  DiagnosticReport: 'imaging reports',
  Composition: 'clinical documents',
  MedicationRequest: 'medication orders',
  MedicationStatement: 'medication history',
  CarePlan: 'therapy plans',
  Claim: 'claims (payer)',
  ExplanationOfBenefit: 'explanations of benefit (payer)',
  attachments: 'the text of the notes',
  picture: 'reading the notes and putting the chart together',
};

export function pendingLabel(type: string): string {
  const what = WHAT[type];
  if (type === 'picture') return WHAT.picture!;
  return what ? `${what} (${type === 'attachments' ? 'Binary' : type})` : type;
}
