// Relief told in other shapes: percents in words, "less pain", "pain free", "of her pain was relieved", what is left
// after "decreased to", and thresholds told after the percent. Sentences written for this test.
import { describe, expect, it } from 'vitest';
import { percentValue } from '../../../src/fhir/notes/extract-relief';
import { evidence } from './helpers';

const relief = (text: string): number[] => evidence(text, 'relief').map((m) => (m.type === 'relief' ? m.percent : -1));

describe('relief shapes', () => {
  it.each([
    ['After the injection his pain decreased by about 70%.', 70],
    ['She says she is 70 percent better since the block.', 70],
    ['His leg pain improved 60-70% after the epidural.', 60],
    ['He had 80% relief lasting 6 weeks after the medial branch block.', 80],
    ['She had seventy percent relief after the epidural.', 70],
    ['He reports seventy-five percent improvement after the medial branch blocks.', 75],
    ['The injection gave one hundred percent relief for two days.', 100],
    ['She is 80% pain free since the injection.', 80],
    ['He has 50% less pain after the facet injection.', 50],
    ['About 60% of her pain was relieved by the block.', 60],
    ['Her pain was reduced to 30% of baseline after the block.', 70],
    ['She had good relief (approximately 60%) after the block.', 60],
    ['He noticed a 50% difference in his pain after the epidural.', 50],
  ])('%s -> %s', (text, percent) => {
    expect(relief(text)).toContain(percent);
  });
  it.each([
    ['A block with 50% or greater relief is considered positive.'],
    ['Relief of 80% would be required before a radiofrequency ablation.'],
    ['If she gets at least 80% relief we will proceed with ablation.'],
    ['He did not get any relief from the epidural.'],
  ])('not a report: %s', (text) => {
    expect(relief(text)).toEqual([]);
  });
  it('percents in words', () => {
    expect([percentValue('70'), percentValue('seventy'), percentValue('seventy-five'), percentValue('one hundred')]).toEqual([
      70, 70, 75, 100,
    ]);
    expect(percentValue('many')).toBeNaN();
  });
});
