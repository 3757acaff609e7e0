// src/fhir's public surface for the app shell and the CLI: the launch session, the read wave and the picture.
export {
  parseLaunchContext,
  classifyLaunchFailure,
  launchFailure,
  userFromIdToken,
  splitReference,
  type LaunchContext,
  type LaunchProblem,
  type LaunchResult,
  type LaunchFailure,
  type LaunchFailureKind,
} from './session/session';
export { grantedAccess, requestedScopes, READ_TYPES, WRITE_TYPES, type GrantedAccess } from './session/scopes';
export { readPatientRecord, DEFAULT_TYPES, type RawRecord, type ReadOptions } from './read/read';
export { fetchReader, FhirReadError, type FhirReader, type FhirResponse } from './read/reader';
export { fhirclientReader } from './read/fhirclient-reader';
export { localReader } from './read/local-reader';
export { buildPictureAsync, buildPictureHere } from './picture/build-picture';
export { buildPicture } from './picture/build-picture-sync';
export { prefetchNoteFacts } from './picture/note-prefetch';
export { preparseResources } from './picture/parse';
export type { PictureContext } from './picture/to-picture';
export { indexFullUrls, normalizeReferences, parseRef, type RefTarget } from './read/references';
export { emptySaved, type SavedItem, type SavedState } from './read/saved';
export { noteMentions, type NoteMention } from './notes/mentions';
export { prewarmNoteWorker } from './notes/worker-start';
export { CLAIMREADY_TAG, CLAIMREADY_ID_BASE, isClaimReadyOutput } from './read/own-output';
