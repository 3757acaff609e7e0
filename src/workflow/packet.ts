// The prior-auth packet for one service: payer, assessment and coding (from check.ts), the PAS bundle preview
// (without the PDF, which is rendered only on demand), its rule failures and one list of what blocks it.
import type { Resource } from 'fhir/r4';
import type { Assessment, ClinicalPicture, CodingSuggestion, Evidence, PayerRef, PlannedService } from '../policy/index';
import { assemblePasBundle, type PasBuild, type PasBundleInput } from '../writeback/pas/bundle';
import type { ClinicInfo } from '../writeback/pas/parties';
import { validatePasBundle, type PasViolation } from '../writeback/pas/validate';
import { RULE_NOT_ELIGIBLE } from '../writeback/pas/request-refusals';
import { PLACEHOLDER_CLINIC } from '../writeback/clinic';
import { checkService } from './check';

export interface Blocker {
  id: string;
  source: 'policy' | 'packet';
  message: string;
  fix?: string;
  evidence: Evidence[];
}

export interface PacketPreview {
  payer: PayerRef;
  assessment: Assessment;
  coding: CodingSuggestion;
  packetInput: Omit<PasBundleInput, 'pdf' | 'now'>;
  preview: PasBuild;
  violations: PasViolation[];
  blockers: Blocker[];
  clinicConfigured: boolean;
}

export interface PacketOptions {
  today: string;
  /** Bundle.timestamp of the preview; the saved packet is stamped when it is made. */
  now: string;
  resources?: ReadonlyMap<string, Resource>;
  clinic?: ClinicInfo;
  user?: string;
}

/** Stands in for the clinic until the shell supplies one; the view says so rather than hiding it. */
function fallbackClinic(user: string | undefined): ClinicInfo {
  const practitionerId = user?.startsWith('Practitioner/') ? user.slice('Practitioner/'.length) : undefined;
  return {
    organization: { name: PLACEHOLDER_CLINIC },
    practitioner: { ...(practitionerId ? { id: practitionerId } : {}), name: 'Ordering clinician' },
  };
}

const policyBlockerCount = (a: Assessment): number =>
  a.findings.filter((f) => f.severity === 'blocker' && (f.status === 'missing' || f.status === 'not-met')).length;

export function packetPreview(picture: ClinicalPicture, service: PlannedService, opts: PacketOptions): PacketPreview {
  const { payer, assessment, coding } = checkService(picture, service, { today: opts.today });
  const packetInput = {
    picture,
    service,
    assessment,
    coding,
    today: opts.today,
    clinic: opts.clinic ?? fallbackClinic(opts.user),
    ...(opts.resources ? { resources: opts.resources } : {}),
  };
  const preview = assemblePasBundle({ ...packetInput, now: opts.now });
  // A not-eligible service is already a policy blocker (its unmet findings); the missing diagnosis is the packet's.
  const violations = [
    ...validatePasBundle(preview.bundle).violations,
    ...preview.refused.filter((v) => v.rule !== RULE_NOT_ELIGIBLE || policyBlockerCount(assessment) === 0),
  ];
  const policyBlockers: Blocker[] = assessment.findings
    .filter((f) => f.severity === 'blocker' && (f.status === 'missing' || f.status === 'not-met'))
    .map((f) => ({
      id: `policy-${f.requirementId}`,
      source: 'policy',
      message: f.message,
      ...(f.fix ? { fix: f.fix } : {}),
      evidence: f.evidence,
    }));
  // Unresolved references usually share one cause (the chart resources were not loaded): one blocker, not dozens.
  const unresolved = violations.filter((v) => v.rule === 'spec-13');
  const packetBlockers: Blocker[] = violations
    .filter((v) => v.rule !== 'spec-13')
    .map((v, i) => ({ id: `packet-${i}`, source: 'packet', message: `${v.rule}: ${v.message}`, evidence: [] }));
  if (unresolved.length) {
    const refs = [...new Set(unresolved.map((v) => v.ref ?? v.path))];
    packetBlockers.unshift({
      id: 'packet-spec-13',
      source: 'packet',
      message: `spec-13: ${refs.length} referenced resource(s) are not in the packet (${refs.slice(0, 3).join(', ')}${refs.length > 3 ? ', ...' : ''}).`,
      fix: 'The chart resources behind this evidence were not loaded; reload the chart, then build the packet again.',
      evidence: [],
    });
  }
  const blockers = [...policyBlockers, ...packetBlockers];
  return {
    payer,
    assessment,
    coding,
    packetInput,
    preview,
    violations,
    blockers,
    // The chart may name the clinician but not the clinic: the packet then carries the placeholder, and the view says so.
    clinicConfigured: opts.clinic !== undefined && opts.clinic.organization.name !== PLACEHOLDER_CLINIC,
  };
}
