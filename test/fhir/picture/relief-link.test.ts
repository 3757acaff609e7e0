// A relief Observation charted at a follow-up visit months after the session, without partOf/focus, names the
// session in its note ("... after the 01/20/2026 RFA"): it follows that session (round-2 external finding F4), and
// the duration its note states is read. Shaped like an Epic flowsheet row (local code, text "Percent pain relief").
import { describe, expect, it } from 'vitest';
import { toPicture } from '../../../src/fhir/picture/to-picture';
import { ctx, procedure, record } from './fixtures';

const flowsheetRelief = (id: string, date: string, percent: number, text: string) => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: {
    coding: [{ system: 'urn:oid:1.2.840.114350.1.13.0.1.7.2.707679', code: '3040104410' }],
    text: 'Percent pain relief after procedure',
  },
  effectiveDateTime: date,
  valueQuantity: { value: percent, unit: '%', system: 'http://unitsofmeasure.org', code: '%' },
  note: [{ text }],
});

describe('relief Observations linked by the session their note names', () => {
  it('a row charted 5 months after an RFA, naming its date, follows that RFA with its stated duration', () => {
    const p = toPicture(
      record(
        procedure('mbb', '64493', '2026-01-05'),
        procedure('rfa', '64635', '2026-02-09'),
        flowsheetRelief('o1', '2026-07-14', 60, '60% relief lasting 5 months after the 02/09/2026 RFA; pain back to baseline'),
      ),
      ctx(),
    );
    const rfa = p.procedureHistory.find((x) => x.id === 'rfa')!;
    expect(rfa.relief).toEqual([
      expect.objectContaining({ percent: 60, durationHours: 5 * 730, returned: true, procedureRef: 'Procedure/rfa' }),
    ]);
  });

  it('a named date with no year ("after the 01/05 block") resolves before the row and picks the older session', () => {
    const p = toPicture(
      record(
        procedure('mbb', '64493', '2026-01-05'),
        procedure('mbb2', '64493', '2026-01-26'),
        flowsheetRelief('o1', '2026-01-28', 60, '60% relief for 2 hours after the 01/05 block'),
      ),
      ctx(),
    );
    expect(p.procedureHistory.find((x) => x.id === 'mbb')!.relief.map((r) => r.percent)).toEqual([60]);
    expect(p.procedureHistory.find((x) => x.id === 'mbb2')!.relief).toEqual([]);
  });

  it('without a named date the row still follows the latest procedure within 30 days, and none beyond', () => {
    const near = toPicture(
      record(procedure('mbb', '64493', '2026-01-05'), flowsheetRelief('o1', '2026-01-20', 85, 'per pain diary')),
      ctx(),
    );
    expect(near.procedureHistory[0]!.relief.map((r) => r.percent)).toEqual([85]);
    const far = toPicture(
      record(procedure('mbb', '64493', '2026-01-05'), flowsheetRelief('o1', '2026-03-20', 85, 'per pain diary')),
      ctx(),
    );
    expect(far.procedureHistory[0]!.relief).toEqual([]);
  });
});
