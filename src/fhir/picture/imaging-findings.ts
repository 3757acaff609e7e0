// What a radiology impression finds, clause by clause: the levels with a structural finding, and whether it finds
// nothing at all. A report that lists every level ("L1-L2 through L5-S1 ... without herniation") or reads "L5-S1:
// normal" does not place pathology at those levels, so concordance may not be read off the level names alone.
import { levelsInText } from './sites';

/** Findings that can explain radicular pain or claudication (compression of a root or the canal), facet pain (arthropathy), or a spine operated on. */
const POSITIVE =
  /\b(?:herniat\w*|protru\w*|extru\w*|bulg\w*|stenos[ie]s|stenotic|narrow\w*|compress\w*|imping\w*|contact\w*|abut\w*|displac\w*|efface\w*|deform\w*|encroach\w*|(?:spondylo)?listhesis|osteophyt\w*|spurs?|cysts?|fragments?|annular (?:tear|fissure)s?|fissures?|hypertroph\w*|post-?surgical|post-?operative|laminectom\w*|fusion|scar\w*|fibrosis|arachnoiditis|fractures?|arthropath\w*|arthros[ie]s|arthritis|spondylosis)\b/gi;
/** A negation cue and the words that end its scope ("no herniation, stenosis or narrowing", "without X but with Y"). */
const NEGATION = /\b(?:no|not|without|negative for|free of|absence of|resolved)\b/gi;
const SCOPE_END = /\b(?:but|however|although|with(?!out)|there is|there are|and (?:a|an|mild|moderate|severe))\b/gi;
const NORMAL = /\b(?:normal|unremarkable|negative)\b/i;

function clauses(text: string): string[] {
  // A level heading ("L4-L5:") starts a clause, as do sentence and list ends.
  return text
    .split(/[.;\n]+|(?<![-\w])(?=[CTLS]\d{1,2}(?:\s*-\s*[CTLS]?\d{1,2})?\s*:)/)
    .map((c) => c.trim())
    .filter(Boolean);
}

function lastIndex(re: RegExp, text: string, before: number): number {
  let at = -1;
  re.lastIndex = 0;
  for (let m = re.exec(text); m && m.index < before; m = re.exec(text)) at = m.index;
  return at;
}

/** True when the clause affirms a structural finding (one not inside a negation's scope). */
function affirms(clause: string): boolean {
  POSITIVE.lastIndex = 0;
  for (let m = POSITIVE.exec(clause); m; m = POSITIVE.exec(clause)) {
    const neg = lastIndex(NEGATION, clause, m.index);
    if (neg < 0 || lastIndex(SCOPE_END, clause, m.index) > neg) return true;
  }
  return false;
}

export interface ImpressionReading {
  /** Levels named in clauses that affirm a finding; every named level when no clause names a level with one. */
  levels: string[];
  /** Read as finding nothing structural: every clause negates or calls its levels normal. */
  normal: boolean;
}

export function readImpression(text: string): ImpressionReading {
  const all = levelsInText(text);
  const found = new Set<string>();
  let anyPositive = false;
  let anyNormal = false;
  for (const c of clauses(text)) {
    if (affirms(c)) {
      anyPositive = true;
      for (const l of levelsInText(c)) found.add(l);
    } else if (NORMAL.test(c) || lastIndex(NEGATION, c, c.length) >= 0) anyNormal = true;
  }
  const levels = found.size > 0 ? all.filter((l) => found.has(l)) : anyPositive ? all : [];
  return { levels: anyPositive ? levels : all, normal: !anyPositive && anyNormal };
}
