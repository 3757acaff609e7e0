// A policy as the engine runs it: its versions (the text's thresholds) and its requirements. Kept apart from the
// parameter types so that requirements can read those types without a cycle.
import type { ServiceKind } from '../picture';
import type { Citation } from '../verdicts';
import type { Requirement } from '../requirements/common';
import type { PolicyId, PolicyVersion } from './types';

export interface PolicyDef {
  id: PolicyId;
  title: string;
  citation: Citation;
  kinds: ServiceKind[];
  versions: PolicyVersion[];
  requirements: Requirement[];
}
