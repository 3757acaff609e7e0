// Shown only when the EHR asks for it (need_patient_banner): inside the chart the EHR shows its own.
import type { PatientFact } from '../../policy/index';

export function PatientBanner({ patient }: { patient: PatientFact }) {
  return (
    <section className="patient-banner" aria-label="Patient">
      <strong>{patient.name ?? 'Unnamed patient'}</strong>
      {patient.birthDate && <span>Born {patient.birthDate}</span>}
      {patient.sex && <span>{patient.sex}</span>}
      {patient.mrn && <span>MRN {patient.mrn}</span>}
    </section>
  );
}
