// The picture's medication table and the notes' care lexicon carry RxNorm ingredient codes; where an external source
// (the HL7 PDDI CDS value sets, test/fixtures/notes) lists the ingredient, both tables must give its code.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INGREDIENTS } from '../../../src/fhir/picture/medications-lexicon';

const pddi = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'notes', 'rxnorm-pddi-ingredients.json'), 'utf8'),
) as {
  ingredients: Record<string, string>;
};

describe('RxNorm ingredient codes of the picture table', () => {
  it('agree with the PDDI value sets for every ingredient both list', () => {
    const both = INGREDIENTS.filter((i) => pddi.ingredients[i.name] !== undefined);
    expect(both.length).toBeGreaterThanOrEqual(8);
    expect(both.filter((i) => i.rxcui !== pddi.ingredients[i.name]).map((i) => `${i.name} ${i.rxcui}`)).toEqual([]);
  });
});
