// The policy core's public surface: contract types, helpers, policies, payers and assess().
export * from './picture';
export * from './verdicts';
export * from './services';
export * from './dates';
export * from './levels';
export { icd10Info, inCategory, codeProblem, childCodes, normalizeIcd10, replacementsFor } from './icd10';
export type { Icd10Info, CodeProblem } from './icd10';
export { POLICIES, policyFor, policyById, versionFor } from './policies/index';
export type { PolicyDef, PolicyId, PolicyParams, PolicyVersion, Cited } from './policies/index';
export type {
  ConservativeMinimum,
  FrequencyLimit,
  ReliefRule,
  DurationRule,
  ClosedDxList,
  IndicationRule,
  SymptomRule,
  LevelLimit,
  LevelLimits,
} from './policies/types';
export {
  PAYERS,
  MEDICARE,
  SUMMIT,
  BCBSMA,
  resolvePayer,
  primaryCoverage,
  payerById,
  payerDefFor,
  paramsFor,
  priorAuthFor,
  overlayFor,
} from './payers';
export type { PayerDef, Overlay } from './payers';
export { WISER, OPD_PA, medicarePriorAuth } from './prior-auth';
export type { PriorAuthDecision } from './verdicts';
export { assess, verdictOf, sortFindings } from './assess';
export { SYS, SYSTEM_ALIASES, isSystem, procedureSystemOf, type CodeSystem } from './code-systems';
// Sessions as the LCDs count them, and where a patient is in a staged treatment (the Visit checklist, Prior auth).
export { allSessions, bestRelief, type Session } from './requirements/sessions';
export { stageTrack, type StageTrack, type StageStep } from './stages';
// A payer's coded denial reason and the assessed policy's clause it maps to (one table).
export { DENIAL_REASONS, SANDBOX_DENIAL_SYSTEM, denialClause, type DenialClause, type DenialReasonRow } from './denial-reasons';
