// What every view gets: the picture, the day, the payer coverage, the writer and how to open a piece of evidence.
import { createContext, useContext } from 'react';
import type { ClinicalPicture, Evidence, PlannedService } from '../policy/index';
import type { Resource } from 'fhir/r4';
import type { FhirWriter } from '../writeback/index';
import type { ClinicInfo } from '../writeback/index';
import type { SavedState } from '../fhir/index';

export interface AppData {
  picture: ClinicalPicture;
  /** Today's date (YYYY-MM-DD), read once at launch; the core never reads the clock. */
  today: string;
  /** The services the views work on: from the launch context / orders, or chosen by the user. */
  services: PlannedService[];
  /** The FHIR writer for this session (null when the token grants no write scope). */
  writer: FhirWriter | null;
  /** "Practitioner/123" from the id token, for Provenance. */
  user?: string;
  /** Opens the evidence panel (note with span highlighted, or the resource). */
  openEvidence(e: Evidence): void;
  /** Optional: the raw EHR resources read at launch, by "Type/id"; the prior-auth packet includes the ones its
   * evidence points at (without them its PAS bundle cannot resolve those references and is refused). */
  resources?: ReadonlyMap<string, Resource>;
  /** Optional: the requesting clinic and clinician (Organization/Practitioner or name + NPI) for the packet. */
  clinic?: ClinicInfo;
  /**
   * Optional: what the EHR is still sending (resource types, then "attachments"); empty or absent once every read is
   * in. While anything is pending a verdict could still be overturned, so the checklist shows this instead.
   */
  stillReading?: readonly string[];
  /** Optional: ClaimReady's own earlier output found in the chart (never evidence): the views resume from it. */
  saved?: SavedState;
  /** Optional: the user's current SMART access token, for the ClaimReady service (src/server), which checks it. */
  serviceToken?: () => string | undefined;
}

export const AppDataContext = createContext<AppData | null>(null);

export function useAppData(): AppData {
  const v = useContext(AppDataContext);
  if (!v) throw new Error('useAppData outside AppDataContext');
  return v;
}
