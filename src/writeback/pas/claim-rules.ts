// PASClaim (PAS 2.2.1 profile-claim) constraints checked on the bundle's first entry: fixed values, cardinalities,
// the FullDateRule and ImmediateLevelOfCare invariants, unique sequences (spec-22) and the AdditionalInformation
// slice (documentInformation extension, inline PAS DocumentReference content: spec-21).
import { z } from 'zod';
import type { PasViolation } from './violation';
import { PAS, SYSTEMS } from './systems';

const Coding = z.looseObject({ system: z.string().optional(), code: z.string().optional() });
const Cc = z.looseObject({ coding: z.array(Coding).optional(), text: z.string().optional() });
const Ref = z.looseObject({ reference: z.string().optional(), display: z.string().optional() });
const Ext: z.ZodType<{ url: string; extension?: unknown[]; valueCodeableConcept?: unknown; [k: string]: unknown }> = z.looseObject({
  url: z.string(),
  extension: z.array(z.unknown()).optional(),
  valueCodeableConcept: z.unknown().optional(),
});
const Period = z.looseObject({ start: z.string().optional(), end: z.string().optional() });

const ClaimShape = z.looseObject({
  status: z.string().optional(),
  use: z.string().optional(),
  type: Cc.optional(),
  identifier: z.array(z.unknown()).optional(),
  patient: Ref.optional(),
  created: z.string().optional(),
  insurer: Ref.optional(),
  provider: Ref.optional(),
  priority: Cc.optional(),
  related: z.array(z.unknown()).optional(),
  careTeam: z.array(z.looseObject({ sequence: z.number().optional(), extension: z.array(Ext).optional() })).optional(),
  diagnosis: z
    .array(
      z.looseObject({
        sequence: z.number().optional(),
        diagnosisCodeableConcept: Cc.optional(),
        diagnosisReference: z.unknown().optional(),
      }),
    )
    .optional(),
  insurance: z
    .array(z.looseObject({ sequence: z.number().optional(), focal: z.boolean().optional(), coverage: Ref.optional() }))
    .optional(),
  accident: z.looseObject({ date: z.string().optional() }).optional(),
  supportingInfo: z
    .array(
      z.looseObject({
        sequence: z.number().optional(),
        category: Cc.optional(),
        extension: z.array(Ext).optional(),
        timingDate: z.string().optional(),
        timingPeriod: Period.optional(),
        valueReference: Ref.optional(),
        valueString: z.string().optional(),
      }),
    )
    .optional(),
  item: z
    .array(
      z.looseObject({
        sequence: z.number().optional(),
        extension: z.array(Ext).optional(),
        category: Cc.optional(),
        productOrService: Cc.optional(),
        servicedDate: z.string().optional(),
        servicedPeriod: Period.optional(),
        locationCodeableConcept: Cc.optional(),
        locationAddress: z.unknown().optional(),
        locationReference: z.unknown().optional(),
        careTeamSequence: z.array(z.number()).optional(),
        diagnosisSequence: z.array(z.number()).optional(),
        informationSequence: z.array(z.number()).optional(),
      }),
    )
    .optional(),
});

const FULL_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const hasCode = (c: z.infer<typeof Cc> | undefined, system: string, code?: string): boolean =>
  !!c?.coding?.some((x) => x.system === system && (code === undefined || x.code === code));

type Lookup = (ref: string) => { resourceType: string; [k: string]: unknown } | undefined;

function uniqueSequences(
  list: { sequence?: number }[] | undefined,
  rule: string,
  path: string,
  add: (r: string, p: string, m: string) => void,
): Set<number> {
  const seen = new Set<number>();
  (list ?? []).forEach((x, i) => {
    if (x.sequence === undefined) add(rule, `${path}[${i}].sequence`, 'sequence is required');
    else if (seen.has(x.sequence)) add(rule, `${path}[${i}].sequence`, `sequence ${x.sequence} is used more than once`);
    else seen.add(x.sequence);
  });
  return seen;
}

export function claimRules(resource: unknown, path: string, lookup: Lookup, v: PasViolation[]): void {
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
  const fullDate = (value: string | undefined, p: string): void => {
    if (value !== undefined && !FULL_DATE_RE.test(value)) add('FullDateRule', p, `"${value}" must be a full date (YYYY-MM-DD)`);
  };

  if (c.status !== 'active') add('PASClaim.status', `${path}.status`, 'status is fixed to "active"');
  if (c.use !== 'preauthorization') add('PASClaim.use', `${path}.use`, 'use is fixed to "preauthorization"');
  if (!c.type?.coding?.length) add('PASClaim.type', `${path}.type`, 'type is required (professional, institutional ...)');
  const ids = c.identifier?.length ?? 0;
  if (ids < 1 || ids > 2) add('PASClaim.identifier', `${path}.identifier`, `1..2 identifiers are required, found ${ids}`);
  if (!c.patient?.reference) add('PASClaim.patient', `${path}.patient`, 'patient reference is required');
  if (!c.created) add('PASClaim.created', `${path}.created`, 'created is required');
  if (!c.insurer?.reference) add('PASClaim.insurer', `${path}.insurer`, 'insurer reference is required (1..1)');
  if (!c.provider?.reference) add('PASClaim.provider', `${path}.provider`, 'provider reference is required');
  if (!c.priority?.coding?.length) add('PASClaim.priority', `${path}.priority`, 'priority is required');
  if (c.related?.length) add('PASClaim.related', `${path}.related`, 'related is not allowed on a PAS Claim (0..0)');
  if (!c.insurance?.length) add('PASClaim.insurance', `${path}.insurance`, 'an insurance entry with the coverage is required');
  c.insurance?.forEach((ins, i) => {
    if (ins.focal !== true) add('PASClaim.insurance.focal', `${path}.insurance[${i}].focal`, 'insurance.focal is fixed to true');
    if (!ins.coverage?.reference)
      add('PASClaim.insurance.coverage', `${path}.insurance[${i}].coverage`, 'the coverage reference is required');
  });
  fullDate(c.accident?.date, `${path}.accident.date`);

  // Reference targets the profile restricts (patient only Reference(PASBeneficiary), insurer only PASInsurer ...).
  const targetIs = (ref: string | undefined, types: string[], rule: string, p: string): void => {
    const t = ref ? lookup(ref) : undefined;
    if (t && !types.includes(t.resourceType)) add(rule, p, `must reference ${types.join(' or ')}, found ${t.resourceType}`);
  };
  targetIs(c.patient?.reference, ['Patient'], 'PASClaim.patient', `${path}.patient`);
  targetIs(c.insurer?.reference, ['Organization'], 'PASClaim.insurer', `${path}.insurer`);
  targetIs(c.provider?.reference, ['Organization', 'PractitionerRole'], 'PASClaim.provider', `${path}.provider`);
  c.insurance?.forEach((ins, i) =>
    targetIs(ins.coverage?.reference, ['Coverage'], 'PASClaim.insurance.coverage', `${path}.insurance[${i}].coverage`),
  );
  c.careTeam?.forEach((ct, i) => {
    const provider = (ct as { provider?: { reference?: string } }).provider?.reference;
    targetIs(provider, ['Organization', 'PractitionerRole'], 'PASClaim.careTeam.provider', `${path}.careTeam[${i}].provider`);
  });

  // X12 278 carries at most 12 diagnoses (PASClaim.diagnosis note); coded as ICD-10-CM (X12278DiagnosisCodes).
  if ((c.diagnosis?.length ?? 0) > 12)
    add('PASClaim.diagnosis', `${path}.diagnosis`, `at most 12 diagnoses can be sent, found ${c.diagnosis?.length ?? 0}`);
  c.diagnosis?.forEach((d, i) => {
    if (d.diagnosisReference !== undefined)
      add('PASClaim.diagnosis.diagnosis[x]', `${path}.diagnosis[${i}]`, 'diagnosis must be a CodeableConcept');
    else if (!hasCode(d.diagnosisCodeableConcept, SYSTEMS.icd10cm)) {
      add('PASClaim.diagnosis.diagnosis[x]', `${path}.diagnosis[${i}].diagnosisCodeableConcept`, 'diagnosis must be coded in ICD-10-CM');
    }
  });
  const dxSeq = uniqueSequences(c.diagnosis, 'PASClaim.diagnosis.sequence', `${path}.diagnosis`, add);
  const ctSeq = uniqueSequences(c.careTeam, 'PASClaim.careTeam.sequence', `${path}.careTeam`, add);
  const siSeq = uniqueSequences(c.supportingInfo, 'spec-22', `${path}.supportingInfo`, add);
  uniqueSequences(c.item, 'PASClaim.item.sequence', `${path}.item`, add);

  c.careTeam?.forEach((ct, i) => {
    if (!ct.extension?.some((e) => e.url === PAS.extCareTeamClaimScope)) {
      add(
        'PASClaim.careTeam.careTeamClaimScope',
        `${path}.careTeam[${i}].extension`,
        'each care team member needs the careTeamClaimScope extension',
      );
    }
  });

  c.supportingInfo?.forEach((s, i) => {
    const p = `${path}.supportingInfo[${i}]`;
    fullDate(s.timingDate, `${p}.timingDate`);
    fullDate(s.timingPeriod?.start, `${p}.timingPeriod.start`);
    fullDate(s.timingPeriod?.end, `${p}.timingPeriod.end`);
    if (!s.category?.coding?.length) add('PASClaim.supportingInfo.category', `${p}.category`, 'category is required');
    if (hasCode(s.category, PAS.tempCodes, 'additionalInformation')) {
      const rule = 'PASClaim.supportingInfo:AdditionalInformation';
      const info = s.extension?.find((e) => e.url === PAS.extDocumentInformation);
      const hasReportType = (info?.extension ?? []).some(
        (x) => typeof x === 'object' && x !== null && 'url' in x && x.url === 'reportTypeCode',
      );
      if (!hasReportType) add(rule, `${p}.extension`, 'documentInformation with a reportTypeCode is required');
      if (s.timingDate !== undefined || s.timingPeriod !== undefined) add(rule, `${p}.timing[x]`, 'timing is not allowed (0..0)');
      if (!s.valueReference?.reference)
        add('spec-20', `${p}.valueReference`, 'supporting information must point at its resource with valueReference');
      const target = s.valueReference?.reference ? lookup(s.valueReference.reference) : undefined;
      if (target?.resourceType === 'DocumentReference') {
        const content = Array.isArray(target.content) ? (target.content as { attachment?: { data?: unknown; url?: unknown } }[]) : [];
        if (!content.length || content.some((x) => typeof x.attachment?.data !== 'string' || x.attachment.url !== undefined)) {
          add(
            'PASDocumentReference',
            `${p}.valueReference`,
            'a PAS DocumentReference carries its content inline (attachment.data, no url)',
          );
        }
      }
    }
    if (hasCode(s.category, PAS.tempCodes, 'freeFormMessage') && typeof s.valueString !== 'string') {
      add('PASClaim.supportingInfo:MessageText', `${p}.valueString`, 'a free-form message needs valueString');
    }
  });

  if (!c.item?.length) add('PASClaim.item', `${path}.item`, 'at least one item is required');
  c.item?.forEach((it, i) => {
    const p = `${path}.item[${i}]`;
    const ext = (url: string): z.infer<typeof Ext>[] => (it.extension ?? []).filter((e) => e.url === url);
    if (ext(PAS.extRequestType).length !== 1)
      add('PASClaim.item.requestType', `${p}.extension`, 'exactly one requestType extension is required');
    const cert = ext(PAS.extCertificationType);
    if (cert.length !== 1) add('PASClaim.item.certificationType', `${p}.extension`, 'exactly one certificationType extension is required');
    const certCode = Cc.safeParse(cert[0]?.valueCodeableConcept).data?.coding?.[0]?.code;
    if (certCode === '1' && ext(PAS.extLevelOfService).length === 0) {
      add('ImmediateLevelOfCare', `${p}.extension`, 'an immediate appeal (certificationType 1) needs the levelOfServiceCode extension');
    }
    if (!it.category?.coding?.length) add('PASClaim.item.category', `${p}.category`, 'category is required (1..1)');
    if (!it.productOrService?.coding?.length)
      add('PASClaim.item.productOrService', `${p}.productOrService`, 'productOrService is required');
    if (!it.locationCodeableConcept) {
      const other = it.locationAddress !== undefined || it.locationReference !== undefined;
      add(
        'PASClaim.item.location[x]',
        `${p}.locationCodeableConcept`,
        other ? 'location must be a CodeableConcept (place of service)' : 'location (place of service) is required',
      );
    }
    fullDate(it.servicedDate, `${p}.servicedDate`);
    fullDate(it.servicedPeriod?.start, `${p}.servicedPeriod.start`);
    fullDate(it.servicedPeriod?.end, `${p}.servicedPeriod.end`);
    const pointers: [number[] | undefined, Set<number>, string][] = [
      [it.diagnosisSequence, dxSeq, 'diagnosisSequence'],
      [it.careTeamSequence, ctSeq, 'careTeamSequence'],
      [it.informationSequence, siSeq, 'informationSequence'],
    ];
    for (const [list, known, name] of pointers) {
      for (const n of list ?? []) if (!known.has(n)) add(`PASClaim.item.${name}`, `${p}.${name}`, `${name} ${n} points at nothing`);
    }
  });
}
