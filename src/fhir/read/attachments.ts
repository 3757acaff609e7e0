// Note text lives in attachments: inline base64 `data`, or a `url` to a Binary on the same server. Only text
// formats are kept (plain, HTML, XHTML); a PDF scan has no text the notes engine could quote.
import { z } from 'zod';
import type { DataIssue } from '../../policy/picture';
import { decodeBase64Utf8 } from './base64';

export interface AttachmentText {
  contentType: string;
  text: string;
}

const AttachmentSchema = z.looseObject({
  contentType: z.string().optional(),
  data: z.string().optional(),
  url: z.string().optional(),
});

const NoteHolder = z.looseObject({
  id: z.string(),
  status: z.string().optional(),
  content: z.array(z.looseObject({ attachment: z.unknown() })).optional(),
  presentedForm: z.array(z.unknown()).optional(),
});

export interface AttachmentRef {
  key: string;
  resourceType: string;
  id: string;
  path: string;
  contentType: string;
}

const TEXT_TYPE = /^(text\/|application\/(xhtml\+xml|xml|json|fhir\+json))/i;

function isText(contentType: string): boolean {
  return TEXT_TYPE.test(contentType.trim());
}

/**
 * The absolute URL to ask the reader for, only when `url` resolves (as a browser would resolve it) to the FHIR
 * server we read from: same scheme, host and port, under the base path, no userinfo. The reader sends the access
 * token with every request, so anything else (`//host/x`, `/\\host/x`, another port or scheme, `../` out of the base)
 * is refused rather than fetched.
 */
export function sameServerUrl(url: string, base: string | undefined): string | undefined {
  if (!base) return undefined;
  let b: URL;
  let u: URL;
  try {
    b = new URL(base.endsWith('/') ? base : `${base}/`);
    u = new URL(url, b);
  } catch {
    return undefined;
  }
  if (u.protocol !== b.protocol || u.host !== b.host || u.username !== '' || u.password !== '') return undefined;
  if (b.protocol !== 'https:' && b.protocol !== 'http:' && b.protocol !== 'local:') return undefined;
  return u.pathname.startsWith(b.pathname) ? u.href : undefined;
}

export function collectAttachments(
  resources: Record<string, unknown[]>,
  base: string | undefined,
): { inline: (AttachmentRef & { data: string })[]; remote: (AttachmentRef & { url: string })[]; issues: DataIssue[] } {
  const inline: (AttachmentRef & { data: string })[] = [];
  const remote: (AttachmentRef & { url: string })[] = [];
  const issues: DataIssue[] = [];
  for (const resourceType of ['DocumentReference', 'DiagnosticReport']) {
    for (const raw of resources[resourceType] ?? []) {
      const holder = NoteHolder.safeParse(raw);
      if (!holder.success || holder.data.status === 'entered-in-error') continue;
      const list =
        resourceType === 'DocumentReference' ? (holder.data.content ?? []).map((c) => c.attachment) : (holder.data.presentedForm ?? []);
      const field = resourceType === 'DocumentReference' ? 'content' : 'presentedForm';
      const types = list.map((att) => AttachmentSchema.safeParse(att)).map((a) => (a.success ? (a.data.contentType ?? 'text/plain') : ''));
      // A document offered only as PDF/image is not read: say so, since its contents will not be checked.
      if (resourceType === 'DocumentReference' && types.length > 0 && !types.some(isText)) {
        issues.push({
          resourceType,
          id: holder.data.id,
          severity: 'warning',
          path: field,
          message: `A note in ${types[0] || 'an unknown format'} was not read; only text and HTML notes are checked.`,
        });
      }
      list.forEach((att, n) => {
        const a = AttachmentSchema.safeParse(att);
        if (!a.success) return;
        const id = holder.data.id;
        const ref: AttachmentRef = {
          key: `${resourceType}/${id}#${n}`,
          resourceType,
          id,
          path: resourceType === 'DocumentReference' ? `${field}[${n}].attachment` : `${field}[${n}]`,
          contentType: a.data.contentType ?? 'text/plain',
        };
        if (!isText(ref.contentType)) return;
        if (a.data.data !== undefined) inline.push({ ...ref, data: a.data.data });
        else if (a.data.url !== undefined) {
          const url = sameServerUrl(a.data.url, base);
          if (url) remote.push({ ...ref, url });
          else
            issues.push({
              resourceType,
              id,
              severity: 'warning',
              path: `${ref.path}.url`,
              message: 'A note attachment on another server was not fetched.',
            });
        }
      });
    }
  }
  return { inline, remote, issues };
}

export function decodeInlineAttachment(a: AttachmentRef & { data: string }): AttachmentText | undefined {
  const text = decodeBase64Utf8(a.data);
  return text === undefined ? undefined : { contentType: a.contentType, text };
}

const BinarySchema = z.looseObject({ resourceType: z.literal('Binary'), contentType: z.string().optional(), data: z.string().optional() });

/** A Binary read answers either the Binary resource as JSON (data in base64) or the raw document. */
export function decodeBinaryBody(body: unknown, fallbackType: string): AttachmentText | undefined {
  if (typeof body === 'string') return { contentType: fallbackType, text: body };
  const bin = BinarySchema.safeParse(body);
  if (!bin.success || bin.data.data === undefined) return undefined;
  const text = decodeBase64Utf8(bin.data.data);
  return text === undefined ? undefined : { contentType: bin.data.contentType ?? fallbackType, text };
}
