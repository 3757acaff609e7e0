// How payers want bilateral procedures reported. Medicare: modifier 50 on one line with one unit (billing articles,
// FJ-BILATERAL). Payer ids are those of ../../payers.ts. The Summit Health Plan RT/LT setting is an example of a
// clinic-configured preference (no public Summit billing rule was read); anything unlisted uses 50.
export type BilateralStyle = '50' | 'RT-LT';

export const BILATERAL_STYLE_BY_PAYER: Readonly<Record<string, BilateralStyle>> = {
  medicare: '50',
  summit: 'RT-LT',
  bcbsma: '50',
};

export function bilateralStyleFor(payerId: string | undefined): BilateralStyle {
  return (payerId && BILATERAL_STYLE_BY_PAYER[payerId]) || '50';
}
