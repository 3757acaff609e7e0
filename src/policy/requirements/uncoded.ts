// Problems the record holds without an ICD-10-CM code (SNOMED CT only, or words only). A diagnosis requirement that
// finds no ICD-10-CM code names them instead of saying there is no diagnosis, and points at the ICD-10-CM code their
// words lead to in the Alphabetic Index (CMS/NCHS, public domain). That code is a candidate for the coder to confirm
// from the documentation, never a code ClaimReady puts on a claim by itself.
import { isLiveDiagnosis, type DiagnosisFact, type Evidence, type Laterality, type PlannedService, type SpinalRegion } from '../picture';
import { codeProblem, icd10Info } from '../icd10';

interface Where {
  region: SpinalRegion | undefined;
  lumbosacral: boolean;
  laterality: Laterality | undefined;
}

type Pick = (w: Where) => string | undefined;

const byRegion =
  (codes: Partial<Record<SpinalRegion, string>>, lumbosacral?: string): Pick =>
  (w) =>
    w.lumbosacral && lumbosacral ? lumbosacral : w.region ? codes[w.region] : undefined;

// Most specific first: "chronic low back pain with sciatica" is lumbago with sciatica, not chronic pain.
const INDEX: readonly { words: RegExp; code: Pick }[] = [
  {
    words: /\b(lumbago|low back pain)\b.*\bsciatica\b|\bsciatica\b.*\b(lumbago|low back pain)\b/i,
    code: (w) => (w.laterality === 'right' ? 'M54.41' : w.laterality === 'left' ? 'M54.42' : 'M54.40'),
  },
  { words: /\bsciatica\b/i, code: (w) => (w.laterality === 'right' ? 'M54.31' : w.laterality === 'left' ? 'M54.32' : 'M54.30') },
  { words: /radiculopath|radicular/i, code: byRegion({ cervical: 'M54.12', thoracic: 'M54.14', lumbar: 'M54.16' }, 'M54.17') },
  {
    words: /spondylosis|facet (joint )?(arthropathy|arthrosis|osteoarthritis|syndrome|hypertrophy)/i,
    code: byRegion({ cervical: 'M47.812', thoracic: 'M47.814', lumbar: 'M47.816' }, 'M47.817'),
  },
  // Index: Stenosis, spinal, lumbar region, with neurogenic claudication M48.062 (without: M48.061).
  { words: /stenosis.*neurogenic claudication|neurogenic claudication.*stenosis/i, code: byRegion({ lumbar: 'M48.062' }) },
  { words: /stenosis/i, code: byRegion({ cervical: 'M48.02', lumbar: 'M48.061' }) },
  {
    words: /(herniat|displace|prolapse|protrusion).*\bdis[ck]\b|\bdis[ck]\b.*(herniat|displace|prolapse|protrusion)/i,
    code: byRegion({ cervical: 'M50.20', lumbar: 'M51.26' }, 'M51.27'),
  },
  { words: /sacroiliitis|sacroiliac (joint )?(pain|dysfunction|arthropathy)/i, code: () => 'M46.1' },
  { words: /post-?laminectomy|failed back/i, code: () => 'M96.1' },
  { words: /low back pain|lumbago|lumbar pain/i, code: () => 'M54.50' },
  { words: /neck pain|cervicalgia/i, code: () => 'M54.2' },
  { words: /thoracic (spine )?pain|mid(dle)? back pain/i, code: () => 'M54.6' },
  { words: /myofascial|myalgia/i, code: () => 'M79.18' },
  { words: /chronic pain/i, code: () => 'G89.29' },
];

function regionOfWords(text: string): SpinalRegion | undefined {
  if (/cervical|neck/i.test(text)) return 'cervical';
  if (/thoracic/i.test(text)) return 'thoracic';
  if (/lumb|low back|sciatica/i.test(text)) return 'lumbar';
  return undefined;
}

/** The Index's candidate ICD-10-CM code for a problem's words, valid on the date of service; else undefined. */
export function candidateIcd10(display: string, service: PlannedService | undefined, dos: string): string | undefined {
  const region = regionOfWords(display) ?? service?.region;
  const where: Where = {
    region,
    lumbosacral: region === 'lumbar' && (/lumbosacral/i.test(display) || (service?.levels ?? []).some((l) => /L5-S1/i.test(l))),
    laterality: /\bleft\b/i.test(display) ? 'left' : /\bright\b/i.test(display) ? 'right' : service?.laterality,
  };
  for (const entry of INDEX) {
    if (!entry.words.test(display)) continue;
    const code = entry.code(where);
    if (code && icd10Info(code) && !codeProblem(code, dos)) return code;
  }
  return undefined;
}

/** Live problems with no ICD-10-CM code: SNOMED CT coded or text only. */
export function uncodedProblems(diagnoses: readonly DiagnosisFact[]): DiagnosisFact[] {
  return diagnoses.filter((d) => !d.icd10 && isLiveDiagnosis(d) && d.display.trim() !== '');
}

function named(d: DiagnosisFact): string {
  const where =
    d.category === 'encounter-diagnosis'
      ? 'is an encounter diagnosis'
      : d.category === 'health-concern'
        ? 'is a health concern'
        : 'is on the problem list';
  return `${d.display} (${d.snomed ? `SNOMED ${d.snomed}` : 'not coded'}) ${where}`;
}

/**
 * "Chronic low back pain (SNOMED 278860009) is on the problem list but has no ICD-10-CM code; code it as M54.50 ..."
 * for each uncoded live problem (at most three named), or undefined when there is none.
 */
export function uncodedMessage(
  diagnoses: readonly DiagnosisFact[],
  service: PlannedService | undefined,
  dos: string,
): { message: string; fix: string; evidence: Evidence[] } | undefined {
  const list = uncodedProblems(diagnoses);
  if (list.length === 0) return undefined;
  const shown = list.slice(0, 3);
  const parts = shown.map((d) => {
    const code = candidateIcd10(d.display, service, dos);
    const label = code ? icd10Info(code)?.label : undefined;
    const as = code
      ? `code it as ${code}${label ? ` (${label.charAt(0).toLowerCase()}${label.slice(1)})` : ''} if that is the condition treated`
      : 'code it in ICD-10-CM';
    return `${named(d)} but has no ICD-10-CM code; ${as}`;
  });
  const more = list.length > shown.length ? ` (and ${list.length - shown.length} more)` : '';
  return {
    message: `${parts.join('. ')}${more}.`,
    fix: 'Code the documented condition in ICD-10-CM and add it to the order',
    evidence: shown.flatMap((d) => d.evidence),
  };
}
