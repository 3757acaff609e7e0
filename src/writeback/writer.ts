// The one seam between write-back and the EHR: a FHIR HTTP client narrowed to what writing needs.
// In the app it wraps fhirclient's client.request; in tests, fetch against msw or the sandbox.
import type { Bundle, CapabilityStatement, Resource } from 'fhir/r4';

export interface FhirResponse<T = unknown> {
  status: number;
  body: T | undefined;
  /** Location / ETag headers when present. */
  location?: string;
}

export interface FhirWriter {
  /** GET [base]/metadata, cached by the implementation. */
  capabilities(): Promise<CapabilityStatement>;
  /** POST [base]/[type] with If-None-Exist when given; resolves with the status and body whatever the status. */
  create<R extends Resource>(resource: R, ifNoneExist?: string): Promise<FhirResponse<R>>;
  /** PUT [base]/[type]/[id] with If-Match W/"versionId" when given (version-aware update of the app's own draft). */
  update?<R extends Resource>(resource: R, versionId?: string): Promise<FhirResponse<R>>;
  /** GET [base]/[type]?query */
  search(type: string, query: string): Promise<FhirResponse>;
  /** POST [base] with a transaction Bundle (optional addition: writers that can send one; see write.ts). */
  transaction?(bundle: Bundle): Promise<FhirResponse<Bundle>>;
}

/** One resource to create (write.ts's unit of work); here so the Provenance builder and write.ts share it without a cycle. */
export interface WriteItem {
  /** The resource to create, with a deterministic identifier. */
  resource: Resource;
  /** e.g. "identifier=https://claimready.app/id/claim|<hash>" */
  ifNoneExist: string;
  /**
   * 'update': the identifier names a slot (the coder's draft for one visit), not one content: an existing resource
   * in that slot is updated in place, version-aware (If-Match), when its content differs. Default 'create'.
   */
  mode?: 'create' | 'update';
  /**
   * With mode 'update': the versionId the user's work was based on (read at launch). The update is sent with
   * If-Match on it, so a draft someone changed since then is answered 412 and not overwritten. Default: the version
   * found just before the write.
   */
  ifMatch?: string;
}
