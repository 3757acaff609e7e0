// What the app asks the EHR for, and what the EHR actually granted. SMART v2 scopes are requested; v1 forms are
// understood too because many EHRs still answer with them, so the app can say what it may read/write and degrade.

/**
 * Resource types read for the clinical picture (Organization/Practitioner/PractitionerRole come along as payer and
 * requester details, Location as where the service is rendered: its state and setting decide prior authorization).
 * CarePlan, Claim and ExplanationOfBenefit are where exports and payer-facing EHR data keep a PT course and the payer
 * (Synthea, claims feeds); a token without them loses only what is recorded there, and the picture says so.
 */
export const READ_TYPES = [
  'Patient',
  'Encounter',
  'Condition',
  'Procedure',
  'Observation',
  'MedicationRequest',
  'MedicationStatement',
  'ServiceRequest',
  'DocumentReference',
  'DiagnosticReport',
  'Composition',
  'Coverage',
  'Claim',
  'ExplanationOfBenefit',
  'CarePlan',
  'Organization',
  'Practitioner',
  'PractitionerRole',
  'Location',
  'Binary',
] as const;
export type ReadType = (typeof READ_TYPES)[number];

/** Resource types the app creates: coding-suggestion Claim, summary/packet DocumentReference, PA Task, Provenance. */
export const WRITE_TYPES = ['Claim', 'DocumentReference', 'Task', 'Provenance'] as const;
export type WriteType = (typeof WRITE_TYPES)[number];

const BASE_SCOPES = ['launch', 'openid', 'fhirUser', 'online_access'];

/** Create, plus search to find an earlier save by its identifier before creating (EHRs that ignore If-None-Exist)
 * and update for the coder's draft, which is revised in place. DocumentReference search comes with the reads. */
const WRITE_PERMS: Record<WriteType, string> = { Claim: 'cus', DocumentReference: 'cu', Task: 'cs', Provenance: 'cs' };
/** The prior-auth lifecycle writes the payer's decision onto the Task the packet created: read it, then update it. */
const UPDATE_SCOPES = ['patient/Task.ru'];

/** The exact scope string sent to the authorize endpoint (SMART App Launch 2.x syntax). */
export function requestedScopes(): string {
  const reads = READ_TYPES.map((t) => `patient/${t}.rs`);
  const writes = WRITE_TYPES.map((t) => `patient/${t}.${WRITE_PERMS[t]}`);
  return [...BASE_SCOPES, ...reads, ...writes, ...UPDATE_SCOPES].join(' ');
}

export interface GrantedAccess {
  /** Types the token may read (search or read) for the patient in context. */
  canRead(type: string): boolean;
  /** Types the token may create. */
  canCreate(type: string): boolean;
  readable: string[];
  creatable: string[];
  /** Read types the app wants but was not granted (to tell the user what is missing). */
  missingReads: string[];
  missingWrites: string[];
  openid: boolean;
  fhirUser: boolean;
  launch: boolean;
  offlineOrOnline: boolean;
}

interface Grant {
  type: string; // '*' for all
  read: boolean;
  search: boolean;
  create: boolean;
}

// SMART v2: context/type.cruds (any subset, in order), with optional "?query" constraints (we treat a constrained
// read as a read: the server filters). v1: context/type.read | .write | .*
const RESOURCE_SCOPE = /^(patient|user|system)\/([A-Za-z*]+)\.([a-z*]+)(\?.*)?$/;

function parseOne(scope: string): Grant | undefined {
  const m = RESOURCE_SCOPE.exec(scope);
  if (!m) return undefined;
  const type = m[2]!;
  const perm = m[3]!;
  if (perm === '*') return { type, read: true, search: true, create: true };
  if (perm === 'read') return { type, read: true, search: true, create: false };
  if (perm === 'write') return { type, read: false, search: false, create: true };
  if (!/^c?r?u?d?s?$/.test(perm)) return undefined;
  return { type, read: perm.includes('r'), search: perm.includes('s'), create: perm.includes('c') };
}

/** Interprets a granted `scope` string (space separated; v1 and v2 forms, wildcards). */
export function grantedAccess(scope: string): GrantedAccess {
  const tokens = scope.split(/\s+/).filter(Boolean);
  const grants = tokens.map(parseOne).filter((g): g is Grant => g !== undefined);
  // The reads we do are searches by patient plus reads by id (Patient, Binary): either permission lets us try.
  const canRead = (type: string): boolean => grants.some((g) => (g.type === '*' || g.type === type) && (g.read || g.search));
  const canCreate = (type: string): boolean => grants.some((g) => (g.type === '*' || g.type === type) && g.create);
  const readable = READ_TYPES.filter(canRead);
  const creatable = WRITE_TYPES.filter(canCreate);
  return {
    canRead,
    canCreate,
    readable,
    creatable,
    missingReads: READ_TYPES.filter((t) => !canRead(t)),
    missingWrites: WRITE_TYPES.filter((t) => !canCreate(t)),
    openid: tokens.includes('openid'),
    fhirUser: tokens.includes('fhirUser') || tokens.includes('profile'),
    launch: tokens.includes('launch') || tokens.some((t) => t.startsWith('launch/')),
    offlineOrOnline: tokens.includes('online_access') || tokens.includes('offline_access'),
  };
}
