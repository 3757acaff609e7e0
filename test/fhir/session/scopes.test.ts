import { describe, expect, it } from 'vitest';
import { grantedAccess, READ_TYPES, requestedScopes, WRITE_TYPES } from '../../../src/fhir/session/scopes';

describe('requestedScopes (SMART v2)', () => {
  const scopes = requestedScopes().split(' ');
  it('asks for launch, identity and online access', () => {
    expect(scopes).toEqual(expect.arrayContaining(['launch', 'openid', 'fhirUser', 'online_access']));
    expect(scopes).not.toContain('offline_access');
  });
  it('asks .rs for every read type; create for the written types, with search/update only where the save needs them', () => {
    for (const t of READ_TYPES) expect(scopes).toContain(`patient/${t}.rs`);
    const writes = scopes.filter((s) => /\.c[us]*$/.test(s));
    expect(writes.map((s) => s.replace(/^patient\/|\..*$/g, '')).sort()).toEqual([...WRITE_TYPES].sort());
    expect(writes.sort()).toEqual(['patient/Claim.cus', 'patient/DocumentReference.cu', 'patient/Provenance.cs', 'patient/Task.cs']);
    expect(scopes.some((s) => /\.(cruds|\*|write|read)$/.test(s))).toBe(false);
  });
  it('round-trips: granting exactly what was asked gives full access', () => {
    const a = grantedAccess(requestedScopes());
    expect(a.missingReads).toEqual([]);
    expect(a.missingWrites).toEqual([]);
  });
});

describe('grantedAccess', () => {
  it('reads v2 .rs / .r / .s and .c', () => {
    const a = grantedAccess('launch openid fhirUser patient/Condition.rs patient/Observation.s patient/Patient.r patient/Claim.c');
    expect(a.canRead('Condition')).toBe(true);
    expect(a.canRead('Observation')).toBe(true);
    expect(a.canRead('Patient')).toBe(true);
    expect(a.canRead('Procedure')).toBe(false);
    expect(a.canCreate('Claim')).toBe(true);
    expect(a.canCreate('Task')).toBe(false);
    expect(a.missingWrites).toEqual(['DocumentReference', 'Task', 'Provenance']);
    expect(a.openid && a.fhirUser && a.launch).toBe(true);
  });
  it('reads v1 .read / .write / .*', () => {
    const a = grantedAccess('patient/Condition.read patient/Claim.write patient/Task.* user/Procedure.read');
    expect(a.canRead('Condition')).toBe(true);
    expect(a.canCreate('Condition')).toBe(false);
    expect(a.canCreate('Claim')).toBe(true);
    expect(a.canRead('Claim')).toBe(false);
    expect(a.canRead('Task') && a.canCreate('Task')).toBe(true);
    expect(a.canRead('Procedure')).toBe(true);
  });
  it('understands wildcards in both versions', () => {
    const v1 = grantedAccess('patient/*.read');
    expect(v1.missingReads).toEqual([]);
    expect(v1.creatable).toEqual([]);
    const v2 = grantedAccess('patient/*.cruds');
    expect(v2.missingWrites).toEqual([]);
    expect(grantedAccess('patient/*.*').canCreate('Provenance')).toBe(true);
  });
  it('treats a v2 query-constrained read as a read and ignores malformed scopes', () => {
    const a = grantedAccess('patient/Observation.rs?category=survey patient/Condition.xyz patient/Procedure.rd launch/patient');
    expect(a.canRead('Observation')).toBe(true);
    expect(a.canRead('Condition')).toBe(false);
    expect(a.canRead('Procedure')).toBe(true);
    expect(a.launch).toBe(true);
  });
  it('an empty grant reads nothing', () => {
    const a = grantedAccess('');
    expect(a.readable).toEqual([]);
    expect(a.missingReads).toEqual([...READ_TYPES]);
  });
});
