// The coding case table's shape and the planned services its rows are built from.
import type { EditKind, EditSeverity } from '../../../../src/policy/verdicts';
import type { ClinicalPicture, EncounterFact, PlannedService } from '../../../../src/policy/picture';
import { DOS, svc } from '../build';

export type L = [code: string, modifiers: string[], units: number];
export interface Case {
  name: string;
  services: PlannedService[];
  pic?: Partial<ClinicalPicture>;
  opts?: { payerId?: string; bilateralStyle?: '50' | 'RT-LT'; dateOfService?: string };
  /** Coder-edited lines to validate instead of the suggestion's own lines. */
  given?: L[];
  lines?: L[];
  has?: [EditKind, EditSeverity][];
  not?: EditKind[];
}

export const TF = (levels: string[], laterality?: 'left' | 'right' | 'bilateral', code = '64483'): PlannedService =>
  svc(code, {
    kind: 'esi-transforaminal',
    region: code === '64479' ? 'cervical' : 'lumbar',
    levels,
    laterality,
    reasonIcd10: [code === '64479' ? 'M54.12' : 'M54.16'],
  });
export const FACET = (levels: string[], laterality?: 'left' | 'right' | 'bilateral', code = '64493'): PlannedService =>
  svc(code, {
    kind: 'facet-mbb',
    region: code === '64490' ? 'cervical' : 'lumbar',
    levels,
    laterality,
    reasonIcd10: [code === '64490' ? 'M47.812' : 'M47.816'],
  });
export const RFA = (levels: string[], laterality?: 'left' | 'right' | 'bilateral', code = '64635'): PlannedService =>
  svc(code, {
    kind: 'facet-rfa',
    region: code === '64633' ? 'cervical' : 'lumbar',
    levels,
    laterality,
    reasonIcd10: [code === '64633' ? 'M47.812' : 'M47.816'],
  });
export const IL = (p: Partial<PlannedService> = {}): PlannedService =>
  svc('62322', { kind: 'esi-interlaminar', region: 'lumbar', levels: ['L4-L5'], reasonIcd10: ['M48.062'], ...p });
export const TP = (muscleCount?: number, code = '20552'): PlannedService =>
  svc(code, { kind: 'trigger-point', muscleCount, reasonIcd10: ['M79.18'] });
export const ENC = (code: string, date = DOS): EncounterFact => ({
  id: `enc-${code}`,
  date: `${date}T09:00:00Z`,
  kind: 'office',
  status: 'finished',
  types: [{ system: 'http://www.ama-assn.org/go/cpt', code }],
  reasons: [],
  source: 'coded',
  evidence: [{ ref: `Encounter/enc-${code}`, display: 'Office visit' }],
});
export const EM = (code = '99213'): PlannedService => svc(code, { kind: 'em-office-established', reasonIcd10: ['M54.16'] });
