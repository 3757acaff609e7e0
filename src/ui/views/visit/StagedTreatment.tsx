// The staged-treatment panel of one planned service in the Visit checklist: the policy core's track for its family
// and region (blocks and their relief, sessions in the window, the earliest eligible date) and the authorizations
// on file for it, from the chart and the ClaimReady service.
import { useMemo } from 'react';
import type { Assessment, ClinicalPicture } from '../../../policy/index';
import type { SavedState } from '../../../fhir/index';
import { stageTrackFor } from '../../../workflow/index';
import { StageTrack } from '../../lifecycle/StageTrack';
import { authsForService, authsFromChart, authsFromService, mergeAuths } from '../../lifecycle/auths-on-file';
import { serviceNoteOf, type ServiceRequests } from '../../lifecycle/use-service-requests';

export function StagedTreatment({
  assessment,
  index,
  picture,
  today,
  saved,
  service,
}: {
  assessment: Assessment;
  index: number;
  picture: ClinicalPicture;
  today: string;
  saved: SavedState | undefined;
  service: ServiceRequests;
}) {
  const planned = assessment.service;
  const dos = (planned.date ?? today).slice(0, 10);
  const track = useMemo(() => stageTrackFor(picture, planned, today), [picture, planned, today]);
  const auths = useMemo(
    () =>
      authsForService(
        mergeAuths(authsFromChart(saved, dos), service.state === 'ok' ? authsFromService(service.requests, dos) : []),
        planned.code,
      ),
    [saved, dos, service, planned.code],
  );
  // A service with no sequence and no prior authorization has nothing to show here.
  if (!track && auths.length === 0 && assessment.priorAuth.required === false) return null;
  const note = serviceNoteOf(service);
  return <StageTrack track={track} auths={auths} idPrefix={`vc-${index}`} level={4} {...(note ? { serviceNote: note } : {})} />;
}
