// ICD-10-CM on the claim (ICD-10-CM FY2026 tabular; M54.5 deleted 2021-10-01): specificity, order, caps, pointers.
import { describe, expect, it } from 'vitest';
import { suggestCoding } from '../../../src/policy/coding/suggest';
import { DOS, dx, picture, svc } from './build';

const TF = svc('64483', { kind: 'esi-transforaminal', region: 'lumbar', levels: ['L5-S1'], laterality: 'right', reasonIcd10: ['M54.16'] });

describe('diagnoses (ICD-10-CM FY2026)', () => {
  it('M54.5 on a 2026 date of service is flagged with its successors and an invalid-code error', () => {
    const s = suggestCoding(picture({ diagnoses: [dx('M54.5')] }), [TF], { today: DOS });
    const d = s.diagnoses.find((x) => x.code === 'M54.5');
    expect(d?.billable).toBe(false);
    expect(d?.successors).toEqual(['M54.50', 'M54.51', 'M54.59']);
    expect(s.edits.some((e) => e.kind === 'invalid-code' && e.severity === 'error' && e.message.includes('M54.50'))).toBe(true);
  });

  it('M54.5 gives way when a successor is in the record', () => {
    const s = suggestCoding(picture({ diagnoses: [dx('M54.5'), dx('M54.59')] }), [TF], { today: DOS });
    expect(s.diagnoses.map((d) => d.code)).not.toContain('M54.5');
    expect(s.diagnoses.map((d) => d.code)).toContain('M54.59');
  });

  it('M54.5 before 2021-10-01 is still billable', () => {
    const s = suggestCoding(picture({ diagnoses: [dx('M54.5')] }), [{ ...TF, date: '2021-06-01' }], { today: '2021-06-02' });
    expect(s.diagnoses.find((d) => d.code === 'M54.5')?.billable).toBe(true);
  });

  it('a header code is not billable and lists billable children; a more specific code in the record replaces it', () => {
    const alone = suggestCoding(picture({ diagnoses: [] }), [{ ...TF, reasonIcd10: ['M54.1'] }], { today: DOS });
    const h = alone.diagnoses.find((d) => d.code === 'M54.1');
    expect(h?.billable).toBe(false);
    expect(h?.successors).toContain('M54.16');
    const both = suggestCoding(picture({ diagnoses: [dx('M54.16')] }), [{ ...TF, reasonIcd10: ['M54.1'] }], { today: DOS });
    expect(both.diagnoses.map((d) => d.code)).toEqual(['M54.16']);
  });

  it('orders the order reason first, then LCD-covered codes, then the rest', () => {
    const s = suggestCoding(picture({ diagnoses: [dx('I10'), dx('M51.16'), dx('M54.16')] }), [{ ...TF, reasonIcd10: ['M54.17'] }], {
      today: DOS,
    });
    expect(s.diagnoses.map((d) => d.code)).toEqual(['M54.17', 'M51.16', 'M54.16', 'I10']);
    expect(s.lines[0]!.diagnosisPointers).toEqual([1, 2, 3]);
  });

  it('inactive diagnoses stay off the claim', () => {
    const s = suggestCoding(picture({ diagnoses: [dx('M54.16'), dx('M51.16', { clinicalStatus: 'resolved' })] }), [TF], { today: DOS });
    expect(s.diagnoses.map((d) => d.code)).toEqual(['M54.16']);
  });

  it('at most 12 diagnoses and 4 pointers per line', () => {
    const codes = [
      'M54.12',
      'M54.13',
      'M54.14',
      'M54.15',
      'M54.17',
      'M54.18',
      'M51.16',
      'M51.17',
      'M48.061',
      'M48.062',
      'M47.26',
      'M47.27',
      'M96.1',
      'G89.29',
    ];
    const s = suggestCoding(picture({ diagnoses: codes.map((c) => dx(c)) }), [TF], { today: DOS });
    expect(s.diagnoses).toHaveLength(12);
    expect(s.lines[0]!.diagnosisPointers).toEqual([1, 2, 3, 4]);
  });

  it('a TFESI line pointing only at a facet diagnosis gets an LCD-dx warning (unverified list)', () => {
    const s = suggestCoding(picture({ diagnoses: [dx('M47.816')] }), [{ ...TF, reasonIcd10: [] }], { today: DOS });
    const e = s.edits.find((x) => x.kind === 'lcd-dx');
    expect(e?.severity).toBe('warning');
    expect(e?.citation?.verified).toBe(false);
  });

  it('an E/M line points at the other problems before the procedure reason; a facet line at the facet diagnosis', () => {
    const facet = svc('64493', { kind: 'facet-mbb', region: 'lumbar', levels: ['L4-L5'], laterality: 'right', reasonIcd10: ['M47.816'] });
    const em = svc('99213', { kind: 'em-office-established', reasonIcd10: [] });
    const s = suggestCoding(picture({ diagnoses: [dx('M54.16'), dx('I10')] }), [facet, em], { today: DOS });
    const codes = s.diagnoses.map((d) => d.code);
    expect(s.lines[0]!.diagnosisPointers.map((p) => codes[p - 1])).toEqual(['M47.816']);
    expect(s.lines[1]!.diagnosisPointers.map((p) => codes[p - 1])).toEqual(['M54.16', 'I10', 'M47.816']);
  });

  it('pointers prefer billable codes; a deleted code is pointed at only when nothing else supports the line', () => {
    const facet = svc('64493', { kind: 'facet-mbb', region: 'lumbar', levels: ['L4-L5'], laterality: 'right', reasonIcd10: ['M54.5'] });
    const withSpecific = suggestCoding(picture({ diagnoses: [dx('M47.816')] }), [facet], { today: DOS });
    const codes = withSpecific.diagnoses.map((d) => d.code);
    expect(withSpecific.lines[0]!.diagnosisPointers.map((p) => codes[p - 1])).toEqual(['M47.816']);
    expect(withSpecific.edits.some((e) => e.kind === 'invalid-code' && e.message.includes('M54.5'))).toBe(true);
    const alone = suggestCoding(picture({ diagnoses: [] }), [facet], { today: DOS });
    expect(alone.lines[0]!.diagnosisPointers).toEqual([1]);
  });

  it('an E/M line with modifier 25 points first at the problem that is not the procedure reason', () => {
    const tp = svc('20553', { kind: 'trigger-point', muscleCount: 3, reasonIcd10: ['M79.18'] });
    const em = svc('99214', { kind: 'em-office-established', reasonIcd10: [] });
    const s = suggestCoding(picture({ diagnoses: [dx('M79.18'), dx('M70.61')] }), [em, tp], { today: DOS });
    const codes = s.diagnoses.map((d) => d.code);
    expect(s.lines[0]!.diagnosisPointers.map((p) => codes[p - 1])).toEqual(['M70.61', 'M79.18']);
  });
});
