// Tolerant zod schemas for the resources the picture reads: unknown fields pass through, only the elements we use
// are checked. A resource that fails becomes a DataIssue naming the element; the rest of the chart is unaffected.
import { z } from 'zod';

export const Coding = z.looseObject({ system: z.string().optional(), code: z.string().optional(), display: z.string().optional() });
export const CodeableConcept = z.looseObject({ coding: z.array(Coding).optional(), text: z.string().optional() });
export const Reference = z.looseObject({ reference: z.string().optional(), display: z.string().optional() });
export const Quantity = z.looseObject({
  value: z.number().optional(),
  unit: z.string().optional(),
  code: z.string().optional(),
  system: z.string().optional(),
});
// FHIR date / dateTime (R4 §2.24.0.1): a year, year-month, date, or date with time and zone. Checked here, at the
// picture boundary, so "yesterday", "NaN" or a stray right-to-left mark never reaches the core's date arithmetic.
export const FHIR_DATE =
  /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:([0-5]\d|60)(\.\d{1,9})?)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))?)?)?)?$/;
export const NOT_A_DATE = 'not a FHIR date';
export const FhirDate = z.string().regex(FHIR_DATE, NOT_A_DATE);
const date = FhirDate.optional();
export const Period = z.looseObject({ start: date, end: date });
const Identifier = z.looseObject({ system: z.string().optional(), value: z.string().optional(), type: CodeableConcept.optional() });
const Annotation = z.looseObject({ text: z.string().optional() });
const id = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'not a valid FHIR id');
const CCs = z.array(CodeableConcept).optional();

export type CodingT = z.infer<typeof Coding>;
export type CodeableConceptT = z.infer<typeof CodeableConcept>;
export type QuantityT = z.infer<typeof Quantity>;

export const PatientSchema = z.looseObject({
  resourceType: z.literal('Patient'),
  id,
  birthDate: date,
  gender: z.string().optional(),
  name: z
    .array(
      z.looseObject({
        use: z.string().optional(),
        text: z.string().optional(),
        family: z.string().optional(),
        given: z.array(z.string()).optional(),
      }),
    )
    .optional(),
  identifier: z.array(Identifier).optional(),
});

export const EncounterSchema = z.looseObject({
  resourceType: z.literal('Encounter'),
  id,
  status: z.string().optional(),
  // R4 has one Coding; R5-style servers send CodeableConcept[]: both are read.
  class: z.union([Coding, z.array(CodeableConcept)]).optional(),
  type: CCs,
  serviceType: CodeableConcept.optional(),
  period: Period.optional(),
  length: Quantity.optional(),
  reasonCode: CCs,
});

export const ConditionSchema = z.looseObject({
  resourceType: z.literal('Condition'),
  id,
  code: CodeableConcept.optional(),
  clinicalStatus: CodeableConcept.optional(),
  verificationStatus: CodeableConcept.optional(),
  category: CCs,
  onsetDateTime: date,
  onsetPeriod: Period.optional(),
  abatementDateTime: date,
  abatementPeriod: Period.optional(),
  abatementString: z.string().optional(),
  recordedDate: date,
});

export const ProcedureSchema = z.looseObject({
  resourceType: z.literal('Procedure'),
  id,
  status: z.string().optional(),
  code: CodeableConcept.optional(),
  performedDateTime: date,
  performedPeriod: Period.optional(),
  bodySite: CCs,
  outcome: CodeableConcept.optional(),
  statusReason: CodeableConcept.optional(),
  category: CodeableConcept.optional(),
  note: z.array(Annotation).optional(),
});

const ObservationValue = {
  valueQuantity: Quantity.optional(),
  valueInteger: z.number().optional(),
  valueString: z.string().optional(),
  valueCodeableConcept: CodeableConcept.optional(),
};

export const ObservationSchema = z.looseObject({
  resourceType: z.literal('Observation'),
  id,
  status: z.string().optional(),
  code: CodeableConcept,
  category: CCs,
  effectiveDateTime: date,
  effectiveInstant: date,
  effectivePeriod: Period.optional(),
  issued: date,
  partOf: z.array(Reference).optional(),
  focus: z.array(Reference).optional(),
  derivedFrom: z.array(Reference).optional(),
  note: z.array(Annotation).optional(),
  component: z.array(z.looseObject({ code: CodeableConcept, ...ObservationValue })).optional(),
  ...ObservationValue,
});

export const MedicationRequestSchema = z.looseObject({
  resourceType: z.literal('MedicationRequest'),
  id,
  status: z.string().optional(),
  statusReason: CodeableConcept.optional(),
  medicationCodeableConcept: CodeableConcept.optional(),
  medicationReference: Reference.optional(),
  authoredOn: date,
  intent: z.string().optional(),
  dispenseRequest: z
    .looseObject({
      validityPeriod: Period.optional(),
      expectedSupplyDuration: Quantity.optional(),
      numberOfRepeatsAllowed: z.number().optional(),
    })
    .optional(),
  note: z.array(Annotation).optional(),
});

export const MedicationStatementSchema = z.looseObject({
  resourceType: z.literal('MedicationStatement'),
  id,
  status: z.string().optional(),
  statusReason: CCs,
  medicationCodeableConcept: CodeableConcept.optional(),
  medicationReference: Reference.optional(),
  effectiveDateTime: date,
  effectivePeriod: Period.optional(),
  dateAsserted: date,
  note: z.array(Annotation).optional(),
});

export const ServiceRequestSchema = z.looseObject({
  resourceType: z.literal('ServiceRequest'),
  id,
  status: z.string().optional(),
  intent: z.string().optional(),
  code: CodeableConcept.optional(),
  bodySite: CCs,
  reasonCode: CCs,
  reasonReference: z.array(Reference).optional(),
  occurrenceDateTime: date,
  occurrencePeriod: Period.optional(),
  authoredOn: date,
  orderDetail: CCs,
  quantityQuantity: Quantity.optional(),
  note: z.array(Annotation).optional(),
});

const Attachment = z.looseObject({ contentType: z.string().optional(), title: z.string().optional(), creation: date });

export const DocumentReferenceSchema = z.looseObject({
  resourceType: z.literal('DocumentReference'),
  id,
  status: z.string().optional(),
  type: CodeableConcept.optional(),
  date,
  description: z.string().optional(),
  content: z.array(z.looseObject({ attachment: Attachment })).optional(),
  context: z.looseObject({ encounter: z.array(Reference).optional(), period: Period.optional() }).optional(),
});

export const DiagnosticReportSchema = z.looseObject({
  resourceType: z.literal('DiagnosticReport'),
  id,
  status: z.string().optional(),
  category: CCs,
  code: CodeableConcept.optional(),
  effectiveDateTime: date,
  effectivePeriod: Period.optional(),
  issued: date,
  conclusion: z.string().optional(),
  conclusionCode: CCs,
  presentedForm: z.array(Attachment).optional(),
});

/** Narrative (text.div): XHTML that the notes engine turns into plain text; never rendered. */
const Narrative = z.looseObject({ div: z.string() });

export const NarrativeHolderSchema = z.looseObject({ resourceType: z.string(), id, text: Narrative.optional() });

export const CompositionSchema = z.looseObject({
  resourceType: z.literal('Composition'),
  id,
  status: z.string().optional(),
  type: CodeableConcept.optional(),
  title: z.string().optional(),
  date,
  text: Narrative.optional(),
  section: z.array(z.looseObject({ title: z.string().optional(), text: Narrative.optional() })).optional(),
});

export const CoverageSchema = z.looseObject({
  resourceType: z.literal('Coverage'),
  id,
  status: z.string().optional(),
  type: CodeableConcept.optional(),
  payor: z.array(Reference).optional(),
  class: z.array(z.looseObject({ type: CodeableConcept.optional(), value: z.string().optional(), name: z.string().optional() })).optional(),
  identifier: z.array(Identifier).optional(),
  subscriberId: z.string().optional(),
  order: z.number().optional(),
  period: Period.optional(),
});

export const OrganizationSchema = z.looseObject({
  resourceType: z.literal('Organization'),
  id,
  name: z.string().optional(),
  identifier: z.array(Identifier).optional(),
});

// Where exports keep the payer (Claim / ExplanationOfBenefit insurance) and therapy plans (CarePlan).
const Insurance = z.looseObject({ focal: z.boolean().optional(), sequence: z.number().optional(), coverage: Reference.optional() });
const Contained = z.array(z.looseObject({ resourceType: z.string().optional(), id: z.string().optional() })).optional();

// Claim and ExplanationOfBenefit are read for one thing only, the payer (Synthea and some exports carry no
// Coverage), so they share one shape.
const payerBearing = {
  id,
  status: z.string().optional(),
  created: date,
  billablePeriod: Period.optional(),
  insurer: Reference.optional(),
  insurance: z.array(Insurance).optional(),
  contained: Contained,
};

export const ClaimSchema = z.looseObject({ resourceType: z.literal('Claim'), ...payerBearing });

export const ExplanationOfBenefitSchema = z.looseObject({ resourceType: z.literal('ExplanationOfBenefit'), ...payerBearing });

export const CarePlanSchema = z.looseObject({
  resourceType: z.literal('CarePlan'),
  id,
  status: z.string().optional(),
  intent: z.string().optional(),
  category: CCs,
  title: z.string().optional(),
  description: z.string().optional(),
  period: Period.optional(),
  created: date,
  activity: z
    .array(z.looseObject({ detail: z.looseObject({ code: CodeableConcept.optional(), status: z.string().optional() }).optional() }))
    .optional(),
  note: z.array(Annotation).optional(),
});

export const SCHEMAS = {
  Patient: PatientSchema,
  Encounter: EncounterSchema,
  Condition: ConditionSchema,
  Procedure: ProcedureSchema,
  Observation: ObservationSchema,
  MedicationRequest: MedicationRequestSchema,
  MedicationStatement: MedicationStatementSchema,
  ServiceRequest: ServiceRequestSchema,
  DocumentReference: DocumentReferenceSchema,
  DiagnosticReport: DiagnosticReportSchema,
  Coverage: CoverageSchema,
  Organization: OrganizationSchema,
  Claim: ClaimSchema,
  ExplanationOfBenefit: ExplanationOfBenefitSchema,
  CarePlan: CarePlanSchema,
  Composition: CompositionSchema,
} as const;

export type SchemaType = keyof typeof SCHEMAS;
export type Parsed = { [K in SchemaType]: z.infer<(typeof SCHEMAS)[K]>[] };

export type PatientR = z.infer<typeof PatientSchema>;
export type EncounterR = z.infer<typeof EncounterSchema>;
export type ConditionR = z.infer<typeof ConditionSchema>;
export type ProcedureR = z.infer<typeof ProcedureSchema>;
export type ObservationR = z.infer<typeof ObservationSchema>;
export type MedicationRequestR = z.infer<typeof MedicationRequestSchema>;
export type MedicationStatementR = z.infer<typeof MedicationStatementSchema>;
export type ServiceRequestR = z.infer<typeof ServiceRequestSchema>;
export type DocumentReferenceR = z.infer<typeof DocumentReferenceSchema>;
export type DiagnosticReportR = z.infer<typeof DiagnosticReportSchema>;
export type CoverageR = z.infer<typeof CoverageSchema>;
export type OrganizationR = z.infer<typeof OrganizationSchema>;
export type ClaimR = z.infer<typeof ClaimSchema>;
export type ExplanationOfBenefitR = z.infer<typeof ExplanationOfBenefitSchema>;
export type CarePlanR = z.infer<typeof CarePlanSchema>;
