// The CMS place-of-service code a request and its letter state: the clinic's explicit choice, else the code the
// rendering Location or order carries, else the one its setting implies; office (11) only when the chart says nothing.
import type { CareSetting, PlannedService } from '../policy/picture';

// 22 (on-campus outpatient hospital) for a hospital outpatient setting named without a code: the hospital
// outpatient department is where the OPD prior-authorization program applies; 19 needs the code itself.
const SETTING_POS: Record<CareSetting, string | undefined> = {
  office: '11',
  'hospital-outpatient': '22',
  asc: '24',
  inpatient: '21',
  other: undefined,
};

export function placeOfServiceFor(service: PlannedService, chosen?: string): string {
  const loc = service.location;
  return chosen ?? loc?.placeOfService ?? (loc?.setting ? SETTING_POS[loc.setting] : undefined) ?? '11';
}
