// The "check this service" workflow: the one module the views and the CLI call. It resolves the payer (nowhere
// else does), assesses each planned service, suggests the coding, previews and saves the prior-auth packet.
export { payerFor, payerSourceRef, primaryCoverageId, type ResolvedPayer } from './payer';
export { checkServices, checkService, recheckCoding, codingEditsFromAssessments, type CheckOptions, type ServiceCheck } from './check';
export { packetPreview, type Blocker, type PacketPreview, type PacketOptions } from './packet';
export { saveCoding, savePacket, makePacket, type CodingSaveContext, type SaveResult, type PacketSaveResult } from './save';
export { stageTrackFor } from './stages';
