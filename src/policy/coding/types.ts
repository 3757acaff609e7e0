// Core types re-exported for the data tables (the lint rule keeps src/policy from reaching two folders up).
export type { Citation } from '../verdicts';
export type { ServiceKind } from '../picture';
