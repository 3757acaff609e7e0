// The steroid dose an order's words name (issue 9, F10): read for the ESI rubric's per-session ceilings.
import { describe, expect, it } from 'vitest';
import { steroidDoseIn } from '../../../src/fhir/picture/steroid-dose';

describe('steroidDoseIn', () => {
  it.each([
    ['Left L5-S1 TFESI with dexamethasone 10 mg', 'dexamethasone', 10],
    ['ILESI C7-T1; 80 mg Kenalog', 'triamcinolone', 80],
    ['betamethasone (12 mg) with 1 mL lidocaine', 'betamethasone', 12],
    ['6 mg of Celestone Soluspan', 'betamethasone', 6],
    ['Depo-Medrol 80 mg', 'methylprednisolone', 80],
  ])('%s -> %s %i mg', (text, drug, mg) => {
    expect(steroidDoseIn(text)).toMatchObject({ drug, mg });
  });

  it.each([
    ['TFESI L5-S1 left', 'no dose'],
    ['Kenalog 40 mg/mL, volume per physician', 'a concentration, not a dose'],
    ['dexamethasone 10 mg or 15 mg per response', 'two doses'],
    ['lidocaine 1% 2 mL', 'not a steroid'],
  ])('%s -> none (%s)', (text) => {
    expect(steroidDoseIn(text)).toBeUndefined();
  });
});
