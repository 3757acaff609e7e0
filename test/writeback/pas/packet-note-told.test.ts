// A procedure told only in a note (done elsewhere, no code, a month-only date) is listed in the packet summary as
// what it is, not as a blank code: "- 2026-03-31:  ESI ..." read like a billed procedure with its code missing.
import { describe, expect, it } from 'vitest';
import { packetSections } from '../../../src/writeback/pdf/summary';
import type { ProcedureFact } from '../../../src/policy/picture';
import { PATIENTS } from './patients';

const told: ProcedureFact = {
  code: '',
  system: 'other',
  display: 'ESI (from the note "Visit")',
  kind: 'esi-transforaminal',
  date: '2026-03-31',
  datePrecision: 'month',
  status: 'completed',
  region: 'lumbar',
  levels: ['L4-L5'],
  relief: [{ percent: 80, measure: 'pain', source: 'note', evidence: [{ ref: 'DocumentReference/n1', display: 'Visit' }] }],
  source: 'note',
  outside: true,
  evidence: [{ ref: 'DocumentReference/n1', display: 'Visit' }],
};

describe('the packet summary lists a note-told procedure as told in a note', () => {
  it('names its source and its approximate date, and no blank code', () => {
    const c = PATIENTS[0]?.input;
    if (!c) throw new Error('no patient');
    const input = { ...c, clinic: { clinicName: 'X' }, picture: { ...c.picture, procedureHistory: [...c.picture.procedureHistory, told] } };
    const lines = packetSections(input).flatMap((s) => s.lines);
    const line = lines.find((l) => l.includes('told in a note'));
    expect(line).toMatch(
      /^- in the month of .*: ESI \(from the note "Visit"\), done elsewhere, told in a note \(lumbar L4-L5\): 80% pain relief\.$/,
    );
    expect(lines.some((l) => /^- [0-9-]+:\s{2}/.test(l))).toBe(false);
  });
});
