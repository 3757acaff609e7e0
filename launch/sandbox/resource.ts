// The one shape the sandbox keeps resources in, and the zod schemas that guard every place outside JSON enters
// (seed files, --data files, request bodies). Only what the server relies on is checked; the rest passes through.
import { z } from 'zod';

export interface StoredResource {
  resourceType: string;
  id?: string;
  meta?: { versionId?: string; lastUpdated?: string; [key: string]: unknown };
  [key: string]: unknown;
}

export const resourceSchema = z
  .object({
    resourceType: z.string().regex(/^[A-Z][A-Za-z]+$/, 'resourceType must be a FHIR type name'),
    id: z
      .string()
      .regex(/^[A-Za-z0-9\-.]{1,64}$/, 'id must be a FHIR id')
      .optional(),
  })
  .passthrough();

export const bundleEntrySchema = z
  .object({
    fullUrl: z.string().optional(),
    resource: resourceSchema.optional(),
    request: z.object({ method: z.string(), url: z.string() }).passthrough().optional(),
  })
  .passthrough();

export const bundleSchema = z
  .object({
    resourceType: z.literal('Bundle'),
    type: z.string(),
    entry: z.array(bundleEntrySchema).optional(),
  })
  .passthrough();

export function parseResource(value: unknown): { ok: true; resource: StoredResource } | { ok: false; error: string } {
  const result = resourceSchema.safeParse(value);
  if (!result.success) return { ok: false, error: result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  return { ok: true, resource: result.data as StoredResource };
}

export function operationOutcome(severity: 'error' | 'warning' | 'information', code: string, diagnostics: string): StoredResource {
  return { resourceType: 'OperationOutcome', issue: [{ severity, code, diagnostics }] };
}
