// The shapes of the versioned CMS code tables. Kept apart from the data modules (mue.ts, ncci-ptp.ts) so that
// regenerating those from the CMS files rewrites data only, never the types the rest of the core relies on.

/** 0 = never bypassed; 1 = a modifier (59/XE/XS/XP/XU) may bypass with documentation; 9 = not applicable. */
export type ModifierIndicator = 0 | 1 | 9;

export interface PtpPair {
  column1: string;
  column2: string;
  indicator: ModifierIndicator;
  verified: boolean;
}

export interface PtpTable {
  source: string;
  quarter: string;
  pairs: readonly PtpPair[];
}

/** MUE adjudication indicator: 1 claim line, 2 date of service (policy, absolute), 3 date of service (clinical). */
export type Mai = 1 | 2 | 3;

export interface MueValue {
  code: string;
  units: number;
  mai: Mai;
  verified: boolean;
}

export interface MueTable {
  source: string;
  quarter: string;
  values: readonly MueValue[];
}
