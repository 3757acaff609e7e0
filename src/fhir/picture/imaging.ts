// Imaging: radiology DiagnosticReports (category RAD or an imaging study code) and imaging Procedures.
import type { ImagingFact, ImagingModality } from '../../policy/picture';
import { regionOfLevel } from '../../policy/levels';
import type { DiagnosticReportR, ProcedureR } from './schemas';
import { allText, byDateThenRef, evidence, textOf } from './codes';
import { IMAGING_CODES, procedureCode, procedureDate } from './procedures';
import { readImpression } from './imaging-findings';
import { regionInText } from './sites';

/** Findings name segments ("L4-5 protrusion") and roots ("L5 nerve root"); the segments are the imaging levels. */
function imagingLevels(text: string): { levels: string[]; normal: boolean } {
  const { levels: all, normal } = readImpression(text);
  const segments = all.filter((l) => l.includes('-'));
  return { levels: segments.length > 0 ? segments : all, normal };
}

function modalityOf(text: string): ImagingModality | undefined {
  if (/\bMRI?\b|magnetic resonance/i.test(text)) return 'MRI';
  if (/\bCT\b|computed tomograph/i.test(text)) return 'CT';
  if (/\bX-?ray\b|\bXR\b|radiograph/i.test(text)) return 'XR';
  if (/\bEMG\b|electromyogra|nerve conduction/i.test(text)) return 'EMG';
  return undefined;
}

function isRadiology(r: DiagnosticReportR): boolean {
  return (r.category ?? []).some(
    (c) =>
      c.coding?.some((x) => ['RAD', 'RX', 'CT', 'MR', 'NMR', 'imaging'].includes(x.code ?? '')) || /radiology|imaging/i.test(c.text ?? ''),
  );
}

export function imagingFacts(reports: DiagnosticReportR[], procs: ProcedureR[]): ImagingFact[] {
  const out: ImagingFact[] = [];
  for (const r of reports) {
    if (['entered-in-error', 'cancelled'].includes(r.status ?? '')) continue;
    const codeText = allText(r.code);
    const modality = modalityOf(codeText);
    if (!isRadiology(r) && !modality) continue;
    const date = r.effectiveDateTime ?? r.effectivePeriod?.start ?? r.issued;
    const finding = r.conclusion ?? (r.conclusionCode ?? []).map(textOf).filter(Boolean).join('; ');
    const { levels, normal } = imagingLevels(`${finding} ${(r.conclusionCode ?? []).map(allText).join(' ')}`);
    const fact: ImagingFact = {
      modality: modality ?? 'other',
      levels,
      source: 'coded',
      evidence: [evidence('DiagnosticReport', r.id, textOf(r.code) || 'Imaging report', date)],
    };
    if (date) fact.date = date;
    if (finding) fact.finding = finding;
    if (finding && normal) fact.normal = true;
    const region = regionInText(codeText) ?? (levels[0] ? regionOfLevel(levels[0]) : undefined);
    if (region) fact.region = region;
    out.push(fact);
  }
  for (const p of procs) {
    const coded = procedureCode(p);
    const study = coded ? IMAGING_CODES[coded.code] : undefined;
    if (!coded || !study || ['entered-in-error', 'not-done'].includes(p.status ?? '')) continue;
    const date = procedureDate(p);
    const finding = (p.note ?? [])
      .map((n) => n.text ?? '')
      .filter(Boolean)
      .join(' ');
    const read = imagingLevels(finding);
    const fact: ImagingFact = {
      modality: study.modality,
      region: study.region,
      levels: read.levels,
      source: 'coded',
      evidence: [evidence('Procedure', p.id, textOf(p.code) || coded.code, date)],
    };
    if (date) fact.date = date;
    if (finding) fact.finding = finding;
    if (finding && read.normal) fact.normal = true;
    out.push(fact);
  }
  return out.sort(byDateThenRef((f) => f.date));
}
