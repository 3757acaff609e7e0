// The procedure catalogue: CPT/HCPCS codes with our own short plain-English labels (AMA descriptors are
// copyrighted and deliberately not reproduced), the service kind, spinal region group, and add-on links; and the
// procedure families the policies, payers and coding read. A new family is one FAMILIES row, its SERVICES rows (and
// a PLANNABLE_CODES entry) here, its ServiceKind, and its policy file listed in policies/index.ts (src/README.md).
import type { ServiceKind, SpinalRegion } from './picture';

/** Billing region groups used by the CPT families: cervical/thoracic vs lumbar/sacral. */
export type RegionGroup = 'cervical-thoracic' | 'lumbar-sacral';

export type FamilyId = 'esi' | 'facet-block' | 'facet-rfa' | 'si-joint' | 'si-rfa' | 'trigger-point' | 'scs-trial';

export interface ProcedureFamily {
  id: FamilyId;
  label: string;
  kinds: readonly ServiceKind[];
  /** Kinds that must state a side (left, right, bilateral) on the order. */
  sided: readonly ServiceKind[];
  /** A "block" for the rule that different blocks in one session are not covered (ESI, facet, SI, trigger point). */
  sameSessionBlock: boolean;
}

export const FAMILIES: readonly ProcedureFamily[] = [
  {
    id: 'esi',
    label: 'epidural steroid injection',
    kinds: ['esi-interlaminar', 'esi-transforaminal', 'esi-catheter'],
    sided: ['esi-transforaminal'],
    sameSessionBlock: true,
  },
  {
    id: 'facet-block',
    label: 'facet joint injection or medial branch block',
    kinds: ['facet-mbb', 'facet-ia'],
    sided: ['facet-mbb', 'facet-ia'],
    sameSessionBlock: true,
  },
  { id: 'facet-rfa', label: 'facet radiofrequency ablation', kinds: ['facet-rfa'], sided: ['facet-rfa'], sameSessionBlock: false },
  { id: 'si-joint', label: 'sacroiliac joint injection', kinds: ['si-joint'], sided: ['si-joint'], sameSessionBlock: true },
  { id: 'si-rfa', label: 'sacroiliac joint radiofrequency ablation', kinds: ['si-rfa'], sided: ['si-rfa'], sameSessionBlock: false },
  { id: 'trigger-point', label: 'trigger point injection', kinds: ['trigger-point'], sided: [], sameSessionBlock: true },
  { id: 'scs-trial', label: 'spinal cord stimulator trial', kinds: ['scs-trial'], sided: [], sameSessionBlock: false },
];

const FAMILY_BY_ID = new Map(FAMILIES.map((f) => [f.id, f]));
const FAMILY_BY_KIND = new Map(FAMILIES.flatMap((f) => f.kinds.map((k) => [k, f] as const)));

export function family(id: FamilyId): ProcedureFamily {
  return FAMILY_BY_ID.get(id)!;
}

/** The kinds of a family, as a fresh array (policies keep their own lists). */
export function familyKinds(id: FamilyId): ServiceKind[] {
  return [...family(id).kinds];
}

export function familyOf(kind: ServiceKind): ProcedureFamily | undefined {
  return FAMILY_BY_KIND.get(kind);
}

/** Kinds whose sessions count as blocks for the same-session rule. */
export const SAME_SESSION_BLOCK_KINDS: readonly ServiceKind[] = FAMILIES.filter((f) => f.sameSessionBlock).flatMap((f) => f.kinds);

export interface ServiceDef {
  code: string;
  label: string;
  kind: ServiceKind;
  regionGroup?: RegionGroup;
  /** The code this add-on must accompany (one of). */
  addOnTo?: string[];
  /** The add-on used for each additional level (primary codes only). */
  addOn?: string;
  /** Imaging guidance is part of the code (77003/77012 not billed separately). */
  includesImaging?: boolean;
  /**
   * The code says nothing of imaging either way (G0260, the facility SI injection: guidance is on the order or its
   * own line), so whether it was guided is read from the order, never from the code.
   */
  imagingFromOrder?: boolean;
  /** Family in which per-level coding applies. */
  perLevel?: boolean;
  /** Level count that the code stands for (facet families: 1st, 2nd, 3rd+). */
  levelOrdinal?: 1 | 2 | 3;
}

const S = (d: ServiceDef): ServiceDef => d;

export const SERVICES: readonly ServiceDef[] = [
  // Epidural, interlaminar / caudal, single shot
  S({
    code: '62320',
    label: 'Epidural injection, neck/upper back, between laminae, no imaging',
    kind: 'esi-interlaminar',
    regionGroup: 'cervical-thoracic',
  }),
  S({
    code: '62321',
    label: 'Epidural injection, neck/upper back, between laminae, with imaging',
    kind: 'esi-interlaminar',
    regionGroup: 'cervical-thoracic',
    includesImaging: true,
  }),
  S({
    code: '62322',
    label: 'Epidural injection, low back/sacrum, between laminae or caudal, no imaging',
    kind: 'esi-interlaminar',
    regionGroup: 'lumbar-sacral',
  }),
  S({
    code: '62323',
    label: 'Epidural injection, low back/sacrum, between laminae or caudal, with imaging',
    kind: 'esi-interlaminar',
    regionGroup: 'lumbar-sacral',
    includesImaging: true,
  }),
  // Epidural via indwelling catheter
  S({
    code: '62324',
    label: 'Epidural catheter infusion, neck/upper back, no imaging',
    kind: 'esi-catheter',
    regionGroup: 'cervical-thoracic',
  }),
  S({
    code: '62325',
    label: 'Epidural catheter infusion, neck/upper back, with imaging',
    kind: 'esi-catheter',
    regionGroup: 'cervical-thoracic',
    includesImaging: true,
  }),
  S({
    code: '62326',
    label: 'Epidural catheter infusion, low back/sacrum, no imaging',
    kind: 'esi-catheter',
    regionGroup: 'lumbar-sacral',
  }),
  S({
    code: '62327',
    label: 'Epidural catheter infusion, low back/sacrum, with imaging',
    kind: 'esi-catheter',
    regionGroup: 'lumbar-sacral',
    includesImaging: true,
  }),
  // Transforaminal epidural
  S({
    code: '64479',
    label: 'Transforaminal epidural, neck/upper back, first level, with imaging',
    kind: 'esi-transforaminal',
    regionGroup: 'cervical-thoracic',
    includesImaging: true,
    perLevel: true,
    addOn: '64480',
    levelOrdinal: 1,
  }),
  S({
    code: '64480',
    label: 'Transforaminal epidural, neck/upper back, each added level',
    kind: 'esi-transforaminal',
    regionGroup: 'cervical-thoracic',
    includesImaging: true,
    perLevel: true,
    addOnTo: ['64479'],
    levelOrdinal: 2,
  }),
  S({
    code: '64483',
    label: 'Transforaminal epidural, low back/sacrum, first level, with imaging',
    kind: 'esi-transforaminal',
    regionGroup: 'lumbar-sacral',
    includesImaging: true,
    perLevel: true,
    addOn: '64484',
    levelOrdinal: 1,
  }),
  S({
    code: '64484',
    label: 'Transforaminal epidural, low back/sacrum, each added level',
    kind: 'esi-transforaminal',
    regionGroup: 'lumbar-sacral',
    includesImaging: true,
    perLevel: true,
    addOnTo: ['64483'],
    levelOrdinal: 2,
  }),
  // Facet joint / medial branch (diagnostic or therapeutic)
  S({
    code: '64490',
    label: 'Facet joint or medial branch injection, neck/upper back, first level, with imaging',
    kind: 'facet-mbb',
    regionGroup: 'cervical-thoracic',
    includesImaging: true,
    perLevel: true,
    levelOrdinal: 1,
  }),
  S({
    code: '64491',
    label: 'Facet joint or medial branch injection, neck/upper back, second level',
    kind: 'facet-mbb',
    regionGroup: 'cervical-thoracic',
    includesImaging: true,
    perLevel: true,
    addOnTo: ['64490'],
    levelOrdinal: 2,
  }),
  S({
    code: '64492',
    label: 'Facet joint or medial branch injection, neck/upper back, third level or more',
    kind: 'facet-mbb',
    regionGroup: 'cervical-thoracic',
    includesImaging: true,
    perLevel: true,
    addOnTo: ['64490', '64491'],
    levelOrdinal: 3,
  }),
  S({
    code: '64493',
    label: 'Facet joint or medial branch injection, low back/sacrum, first level, with imaging',
    kind: 'facet-mbb',
    regionGroup: 'lumbar-sacral',
    includesImaging: true,
    perLevel: true,
    levelOrdinal: 1,
  }),
  S({
    code: '64494',
    label: 'Facet joint or medial branch injection, low back/sacrum, second level',
    kind: 'facet-mbb',
    regionGroup: 'lumbar-sacral',
    includesImaging: true,
    perLevel: true,
    addOnTo: ['64493'],
    levelOrdinal: 2,
  }),
  S({
    code: '64495',
    label: 'Facet joint or medial branch injection, low back/sacrum, third level or more',
    kind: 'facet-mbb',
    regionGroup: 'lumbar-sacral',
    includesImaging: true,
    perLevel: true,
    addOnTo: ['64493', '64494'],
    levelOrdinal: 3,
  }),
  // Radiofrequency ablation of facet nerves
  S({
    code: '64633',
    label: 'Facet nerve radiofrequency ablation, neck/upper back, first joint, with imaging',
    kind: 'facet-rfa',
    regionGroup: 'cervical-thoracic',
    includesImaging: true,
    perLevel: true,
    addOn: '64634',
    levelOrdinal: 1,
  }),
  S({
    code: '64634',
    label: 'Facet nerve radiofrequency ablation, neck/upper back, each added joint',
    kind: 'facet-rfa',
    regionGroup: 'cervical-thoracic',
    includesImaging: true,
    perLevel: true,
    addOnTo: ['64633'],
    levelOrdinal: 2,
  }),
  S({
    code: '64635',
    label: 'Facet nerve radiofrequency ablation, low back/sacrum, first joint, with imaging',
    kind: 'facet-rfa',
    regionGroup: 'lumbar-sacral',
    includesImaging: true,
    perLevel: true,
    addOn: '64636',
    levelOrdinal: 1,
  }),
  S({
    code: '64636',
    label: 'Facet nerve radiofrequency ablation, low back/sacrum, each added joint',
    kind: 'facet-rfa',
    regionGroup: 'lumbar-sacral',
    includesImaging: true,
    perLevel: true,
    addOnTo: ['64635'],
    levelOrdinal: 2,
  }),
  // Sacroiliac joint
  S({ code: '27096', label: 'Sacroiliac joint injection with imaging', kind: 'si-joint', includesImaging: true }),
  S({ code: 'G0260', label: 'Sacroiliac joint injection (facility setting), HCPCS', kind: 'si-joint', imagingFromOrder: true }),
  S({ code: '64625', label: 'Sacroiliac joint nerve radiofrequency ablation, with imaging', kind: 'si-rfa', includesImaging: true }),
  // Trigger points
  S({ code: '20552', label: 'Trigger point injection, one or two muscles', kind: 'trigger-point' }),
  S({ code: '20553', label: 'Trigger point injection, three or more muscles', kind: 'trigger-point' }),
  // Spinal cord stimulator trial lead
  S({ code: '63650', label: 'Percutaneous spinal cord stimulator lead placement (trial)', kind: 'scs-trial' }),
  // Imaging guidance billed alone only when not included
  S({ code: '77003', label: 'Fluoroscopic guidance for spinal needle placement', kind: 'imaging-guidance' }),
  S({ code: '77012', label: 'CT guidance for needle placement', kind: 'imaging-guidance' }),
  // Sedation and anaesthesia with a procedure
  S({ code: '99152', label: 'Moderate sedation by the proceduralist, first 15 minutes', kind: 'sedation' }),
  S({ code: '99153', label: 'Moderate sedation by the proceduralist, each added 15 minutes', kind: 'sedation', addOnTo: ['99152'] }),
  S({ code: '99156', label: 'Moderate sedation by another provider, first 15 minutes', kind: 'sedation' }),
  S({ code: '99157', label: 'Moderate sedation by another provider, each added 15 minutes', kind: 'sedation', addOnTo: ['99156'] }),
  S({ code: '01991', label: 'Anaesthesia for a diagnostic or therapeutic nerve block, other than prone', kind: 'sedation' }),
  S({ code: '01992', label: 'Anaesthesia for a diagnostic or therapeutic nerve block, prone', kind: 'sedation' }),
  // Office visits (E/M)
  S({ code: '99202', label: 'Office visit, new patient, straightforward', kind: 'em-office-new' }),
  S({ code: '99203', label: 'Office visit, new patient, low complexity', kind: 'em-office-new' }),
  S({ code: '99204', label: 'Office visit, new patient, moderate complexity', kind: 'em-office-new' }),
  S({ code: '99205', label: 'Office visit, new patient, high complexity', kind: 'em-office-new' }),
  S({ code: '99212', label: 'Office visit, established patient, straightforward', kind: 'em-office-established' }),
  S({ code: '99213', label: 'Office visit, established patient, low complexity', kind: 'em-office-established' }),
  S({ code: '99214', label: 'Office visit, established patient, moderate complexity', kind: 'em-office-established' }),
  S({ code: '99215', label: 'Office visit, established patient, high complexity', kind: 'em-office-established' }),
  S({ code: 'G3002', label: 'Chronic pain management, first 30 minutes in the month', kind: 'chronic-pain-management' }),
  S({ code: 'G3003', label: 'Chronic pain management, each added 15 minutes', kind: 'chronic-pain-management', addOnTo: ['G3002'] }),
  // Injectates (HCPCS Level II)
  S({ code: 'J1030', label: 'Methylprednisolone acetate, 40 mg', kind: 'drug' }),
  S({ code: 'J1040', label: 'Methylprednisolone acetate, 80 mg', kind: 'drug' }),
  S({ code: 'J3301', label: 'Triamcinolone acetonide, per 10 mg', kind: 'drug' }),
  S({ code: 'J1100', label: 'Dexamethasone sodium phosphate, 1 mg', kind: 'drug' }),
  S({ code: 'J2001', label: 'Lidocaine for IV infusion, 10 mg', kind: 'drug' }),
  // Physical therapy (timed codes)
  S({ code: '97110', label: 'Therapeutic exercise, each 15 minutes', kind: 'physical-therapy' }),
  S({ code: '97140', label: 'Manual therapy, each 15 minutes', kind: 'physical-therapy' }),
  S({ code: '97530', label: 'Therapeutic activities, each 15 minutes', kind: 'physical-therapy' }),
  S({ code: '97161', label: 'Physical therapy evaluation, low complexity', kind: 'physical-therapy' }),
  S({ code: '97162', label: 'Physical therapy evaluation, moderate complexity', kind: 'physical-therapy' }),
];

const BY_CODE = new Map(SERVICES.map((s) => [s.code, s]));

export function serviceDef(code: string): ServiceDef | undefined {
  return BY_CODE.get(code.trim().toUpperCase());
}

export function serviceKind(code: string): ServiceKind {
  return serviceDef(code)?.kind ?? 'other';
}

export function regionGroupOf(region: SpinalRegion | undefined): RegionGroup | undefined {
  if (region === 'cervical' || region === 'thoracic') return 'cervical-thoracic';
  if (region === 'lumbar' || region === 'sacral') return 'lumbar-sacral';
  return undefined;
}

/** The procedure families the policy checks and the clinic plans (what the user can choose in the UI). */
export const PLANNABLE_CODES = [
  '62321',
  '62323',
  '64479',
  '64483',
  '64490',
  '64493',
  '64633',
  '64635',
  '27096',
  '64625',
  '20552',
  '20553',
  '63650',
] as const;

export function isEsi(kind: ServiceKind): boolean {
  return familyOf(kind)?.id === 'esi';
}

export function isFacet(kind: ServiceKind): boolean {
  const f = familyOf(kind)?.id;
  return f === 'facet-block' || f === 'facet-rfa';
}
