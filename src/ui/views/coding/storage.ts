// The coder's work in sessionStorage, keyed by patient id and date of service, so a frame reload keeps it until it
// is written back. Codes, modifiers, units and pointers only: no names, no note text. The launch page clears
// sessionStorage, so a new launch starts fresh. What comes back out is outside data: checked with zod.
import { z } from 'zod';

export interface StoredLine {
  code: string;
  modifiers: string[];
  units: number;
  diagnosisPointers: number[];
  accepted: boolean;
}

const Stored = z.object({
  v: z.literal(1),
  lines: z
    .array(
      z.object({
        code: z.string().max(10),
        modifiers: z.array(z.string().max(4)).max(8),
        units: z.number().int().min(0).max(999),
        diagnosisPointers: z.array(z.number().int()).max(12),
        accepted: z.boolean(),
      }),
    )
    .max(50),
});

export function storageKey(patientId: string, dateOfService: string): string {
  return `claimready.coding.v1.${patientId}.${dateOfService}`;
}

export function loadLines(key: string): StoredLine[] | undefined {
  try {
    const raw = window.sessionStorage.getItem(key);
    if (!raw) return undefined;
    const parsed = Stored.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data.lines : undefined;
  } catch {
    return undefined;
  }
}

export function saveLines(key: string, lines: StoredLine[]): void {
  try {
    window.sessionStorage.setItem(key, JSON.stringify({ v: 1, lines }));
  } catch {
    // Storage full or blocked (private mode in some EHR frames): the work stays in memory for this session.
  }
}

export function clearLines(key: string): void {
  try {
    window.sessionStorage.removeItem(key);
  } catch {
    // see saveLines
  }
}
