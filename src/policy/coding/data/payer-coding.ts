// How payers want bilateral procedures reported. Medicare: modifier 50 on one line with one unit (billing articles,
// FJ-BILATERAL). Commercial plans that ask for RT/LT lines are listed by payer id; anything else uses 50.
export type BilateralStyle = '50' | 'RT-LT';

export const BILATERAL_STYLE_BY_PAYER: Readonly<Record<string, BilateralStyle>> = {
  medicare: '50',
  'summit-health': 'RT-LT',
  'bcbs-ma': '50',
};

export function bilateralStyleFor(payerId: string | undefined): BilateralStyle {
  return (payerId && BILATERAL_STYLE_BY_PAYER[payerId]) || '50';
}
