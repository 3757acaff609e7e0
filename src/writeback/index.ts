// src/writeback's public surface for the app shell and the workflow's callers: the session's writer, the raw
// resource index the packet resolves evidence against, and the shared evidence/duration wording of the PDF.
export type { FhirWriter, FhirResponse as FhirWriteResponse } from './writer';
export { fhirclientWriter } from './fhirclient-writer';
export { fetchWriter } from './fetch-writer';
export { resourceIndex } from './pas/resources';
export type { ClinicInfo, PartyData } from './pas/parties';
// Who requests the packet, from the chart (the app shell and the CLI resolve it the same way).
export { clinicFromChart, PLACEHOLDER_PARTIES, type ClinicContext, type ClinicFromChart } from './clinic';
export { evidenceDigest, evidenceLine, formatHours } from './pdf/summary';
export type { WriteOutcome, WriteResult, WriteItem } from './write';
export { resumePendingSaves } from './save-plan';
// The payer lifecycle's chart write-back (src/ui/lifecycle) writes through the same idempotent path.
export { writeAll, deterministicId, ID_BASE } from './write';
export { utf8ToBase64 } from './pas/ids';
// The CLI's --packet output (src/cli/packet-out.ts) builds packets with the same builder the app uses.
export { buildPacketWrites, preparePacket } from './packet';
// The coder's draft: its slot id, and the line mark a relaunch reads back (src/ui/views/coding/draft.ts).
export { codingSlotIds, CLAIM_ID_SYSTEM, LINE_REVIEWED_URL } from './coding-suggestion';
