// The staged track of a planned service under the chart's payer (resolved here, as for every other check), for the
// Visit checklist and the Prior auth view alike.
import type { ClinicalPicture, PlannedService, StageTrack } from '../policy/index';
import { stageTrack } from '../policy/index';
import { payerFor } from './payer';

export function stageTrackFor(picture: ClinicalPicture, service: PlannedService, today: string): StageTrack | undefined {
  return stageTrack(picture, service, payerFor(picture).policySet, today);
}
