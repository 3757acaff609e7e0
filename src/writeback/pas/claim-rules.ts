// The PASClaim rules the official StructureDefinitions do not state, checked on the bundle's first entry. Everything
// a profile says (fixed values, cardinalities, reference targets, required bindings, the AdditionalInformation and
// MessageText slices, FullDateRule, ImmediateLevelOfCare) is decided by the official PAS 2.2.1 profiles through
// @medplum/core in the conformance suite (launch/sandbox/conformance), for every seed packet; it is not restated here.
// What is left, and why:
// - spec-22 and the other sequences: unique supportingInfo / diagnosis / careTeam / item sequences are IG text (and
//   X12 loop numbering), not an invariant in any profile;
// - item.*Sequence pointers: that an item's diagnosisSequence, careTeamSequence and informationSequence name an
//   existing entry is base-Claim prose, not an invariant, so no validator checks it;
// - at most 12 diagnoses: PASClaim.diagnosis carries it only in its ^short (the X12 278 maps the first 12), not as a
//   max cardinality, so a 13th would conform and be dropped on the way to the payer;
// - ImmediateLevelOfCare: the profile's invariant reads certificationType's `value.code`, which a CodeableConcept
//   does not have, so it never fires in any validator; its intent (an immediate appeal names its level of service)
//   is checked here on value.coding.code.
import { z } from 'zod';
import type { PasViolation } from './violation';
import { PAS } from './systems';

const Seq = z.looseObject({ sequence: z.number().optional() });
const Ext = z.looseObject({
  url: z.string(),
  valueCodeableConcept: z.looseObject({ coding: z.array(z.looseObject({ code: z.string().optional() })).optional() }).optional(),
});
const ClaimShape = z.looseObject({
  careTeam: z.array(Seq).optional(),
  diagnosis: z.array(Seq).optional(),
  supportingInfo: z.array(Seq).optional(),
  item: z
    .array(
      z.looseObject({
        sequence: z.number().optional(),
        extension: z.array(Ext).optional(),
        careTeamSequence: z.array(z.number()).optional(),
        diagnosisSequence: z.array(z.number()).optional(),
        informationSequence: z.array(z.number()).optional(),
      }),
    )
    .optional(),
});

export const MAX_X12_DIAGNOSES = 12;

function uniqueSequences(
  list: { sequence?: number }[] | undefined,
  rule: string,
  path: string,
  add: (r: string, p: string, m: string) => void,
): Set<number> {
  const seen = new Set<number>();
  (list ?? []).forEach((x, i) => {
    if (x.sequence === undefined) return; // a missing sequence is the profile's to report (1..1)
    if (seen.has(x.sequence)) add(rule, `${path}[${i}].sequence`, `sequence ${x.sequence} is used more than once`);
    else seen.add(x.sequence);
  });
  return seen;
}

export function claimRules(resource: unknown, path: string, v: PasViolation[]): void {
  const add = (rule: string, p: string, message: string): void => {
    v.push({ rule, path: p, message });
  };
  const parsed = ClaimShape.safeParse(resource);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    add('spec-12', `${path}.${issue?.path.join('.') ?? ''}`, `the Claim does not have the FHIR shape: ${issue?.message ?? ''}`);
    return;
  }
  const c = parsed.data;
  if ((c.diagnosis?.length ?? 0) > MAX_X12_DIAGNOSES)
    add('PASClaim.diagnosis', `${path}.diagnosis`, `at most 12 diagnoses can be sent, found ${c.diagnosis?.length ?? 0}`);
  const dxSeq = uniqueSequences(c.diagnosis, 'PASClaim.diagnosis.sequence', `${path}.diagnosis`, add);
  const ctSeq = uniqueSequences(c.careTeam, 'PASClaim.careTeam.sequence', `${path}.careTeam`, add);
  const siSeq = uniqueSequences(c.supportingInfo, 'spec-22', `${path}.supportingInfo`, add);
  uniqueSequences(c.item, 'PASClaim.item.sequence', `${path}.item`, add);
  c.item?.forEach((it, i) => {
    const ext = it.extension ?? [];
    const immediate = ext.some(
      (e) => e.url === PAS.extCertificationType && (e.valueCodeableConcept?.coding ?? []).some((x) => x.code === '1'),
    );
    if (immediate && !ext.some((e) => e.url === PAS.extLevelOfService))
      add(
        'ImmediateLevelOfCare',
        `${path}.item[${i}].extension`,
        'an immediate appeal (certificationType 1) needs the levelOfServiceCode extension',
      );
    const pointers: [number[] | undefined, Set<number>, string][] = [
      [it.diagnosisSequence, dxSeq, 'diagnosisSequence'],
      [it.careTeamSequence, ctSeq, 'careTeamSequence'],
      [it.informationSequence, siSeq, 'informationSequence'],
    ];
    for (const [list, known, name] of pointers) {
      for (const n of list ?? [])
        if (!known.has(n)) add(`PASClaim.item.${name}`, `${path}.item[${i}].${name}`, `${name} ${n} points at nothing`);
    }
  });
}
