// Medicare prior-authorization programs, decided from the service code, the date of service and the rendering
// location (state, setting). "depends" with the reason when the chart does not say where the service is rendered.
import type { PlannedService } from './picture';
import type { Citation, PriorAuthDecision } from './verdicts';
import { cite } from './policies/cite';

export const WISER = {
  program: 'WISeR model (CMS Innovation Center)',
  states: ['AZ', 'NJ', 'OH', 'OK', 'TX', 'WA'],
  from: '2026-01-15',
  to: '2031-12-31',
  /** ESI codes under LCDs L39015, L39240, L36920; primary and add-on codes go on the same request. */
  codes: ['62321', '62323', '64479', '64480', '64483', '64484'],
  citation: cite({
    ruleId: 'PA-WISER',
    document: 'CMS WISeR model (90 FR 28749, 2025-07-01) and participant lists',
    section:
      'Prior authorization (or prepayment review) for epidural steroid injections 62321, 62323, 64479, 64480, 64483, 64484 in AZ, NJ, OH, OK, TX, WA, services 2026-01-15 to 2031-12-31',
    grade: 'S1',
    note: "The code list is read from a participant's own list (Cohere Health for Novitas, Texas); the states and the model's years from public notices. A 2026-04-06 notice delayed two WISeR services, which ones was not read. The UTN goes on the claim (the facility claim for OPD/ASC).",
  }),
};

export const OPD_PA = {
  program: 'Hospital outpatient department prior authorization (Medicare)',
  from: '2023-07-01',
  /** The facet codes on the OPD list (the third-level add-ons 64492/64495 are not listed). */
  facetCodes: ['64490', '64491', '64493', '64494', '64633', '64634', '64635', '64636'],
  /** Implanted spinal neurostimulators: on the same list, not confirmed here. */
  neurostimulatorCodes: ['63650', '63685', '63688'],
  citation: cite({
    ruleId: 'PA-OPD-FACET',
    document: 'Medicare OPD prior authorization: facet joint interventions (Palmetto GBA and CGS contractor pages)',
    section:
      'Facet joint interventions performed in a hospital outpatient department need prior authorization for dates of service from 2023-07-01',
    grade: 'P',
  }),
};

const NEUROSTIM_NOTE: Citation = cite({
  ruleId: 'PA-OPD-NEUROSTIM',
  document: 'Medicare OPD prior authorization',
  section: 'Implanted spinal neurostimulators',
  grade: 'S2',
  note: 'Said to be on the OPD list; not confirmed against a contractor page.',
});

function decision(required: PriorAuthDecision['required'], reason: string, program?: string): PriorAuthDecision {
  return program ? { required, program, reason } : { required, reason };
}

/** Medicare fee-for-service: WISeR for ESI in its states and years; the OPD program for facet procedures in a hospital outpatient department. */
export function medicarePriorAuth(service: PlannedService, dateOfService: string): PriorAuthDecision {
  const dos = dateOfService.slice(0, 10);
  const state = service.location?.state?.trim().toUpperCase();
  const setting = service.location?.setting;
  if (WISER.codes.includes(service.code)) {
    if (dos < WISER.from || dos > WISER.to)
      return decision(
        false,
        `Outside the WISeR model's dates (${WISER.from} to ${WISER.to}); no Medicare prior-authorization program lists ${service.code} on ${dos}.`,
      );
    if (!state)
      return decision(
        'depends',
        `WISeR requires prior authorization for ${service.code} when the rendering location is in ${WISER.states.join(', ')}; the chart does not say the location's state.`,
        WISER.program,
      );
    if (WISER.states.includes(state))
      return decision(
        true,
        `WISeR: ${service.code} rendered in ${state} needs prior authorization (primary and add-on codes on one request; the tracking number goes on the claim).`,
        WISER.program,
      );
    return decision(
      false,
      `${state} is not a WISeR state (${WISER.states.join(', ')}); Medicare sets no prior authorization for ${service.code} there.`,
    );
  }
  if (OPD_PA.facetCodes.includes(service.code) && dos >= OPD_PA.from) {
    if (!setting)
      return decision(
        'depends',
        `${service.code} needs prior authorization when performed in a hospital outpatient department; the chart does not say the setting.`,
        OPD_PA.program,
      );
    if (setting === 'hospital-outpatient')
      return decision(
        true,
        `${service.code} in a hospital outpatient department needs prior authorization (OPD program, from ${OPD_PA.from}).`,
        OPD_PA.program,
      );
    return decision(
      false,
      `The OPD prior-authorization program covers hospital outpatient departments only; this service is rendered in the ${setting} setting.`,
    );
  }
  if (OPD_PA.neurostimulatorCodes.includes(service.code) && setting !== 'office' && setting !== 'asc') {
    return decision(
      'depends',
      `Implanted spinal neurostimulators are said to be on the OPD prior-authorization list (not confirmed: ${NEUROSTIM_NOTE.note}); ${setting ? `setting: ${setting}` : 'the chart does not say the setting'}.`,
      OPD_PA.program,
    );
  }
  return decision(false, `No Medicare prior-authorization program ClaimReady knows (WISeR, OPD) lists ${service.code}.`);
}
