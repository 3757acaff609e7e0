// Held-out policy cases (README.md) on facet RFA (LCD L38803 family, RFA criteria).
import type { PolicyCase } from './case';
import { H } from './facts';
import { TODAY, facetBase, MBB, RFA, rfaSvc } from './baselines';
import { SRC } from './sources';

const cases: PolicyCase[] = [];
const add = (c: PolicyCase) => cases.push(c);

// ===== Facet RFA ===========================================================================================
{
  const { picture: pic, service } = facetBase({ service: rfaSvc(), procedureHistory: [MBB('2026-10-06', 90), MBB('2026-10-27', 80)] });
  add({
    id: 'RFA-01',
    topic: 'facet-rfa',
    source: `${SRC.facetRfa}; ${SRC.facetP}`,
    grade: 'S1',
    primaryText: false,
    description:
      'At threshold: two diagnostic MBBs 3 weeks apart with 90 % and 80 % relief, then first RFA L4-L5, L5-S1 bilateral (64635 + 64636)',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready' },
  });
}
{
  const { picture: pic, service } = facetBase({ service: rfaSvc(), procedureHistory: [MBB('2026-10-06', 90), MBB('2026-10-27', 79)] });
  add({
    id: 'RFA-02',
    topic: 'facet-rfa',
    source: SRC.facetRfa,
    grade: 'S1',
    primaryText: false,
    description: 'Below: second diagnostic MBB gave 79 % relief',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'both diagnostic blocks >= 80 %' },
  });
}
{
  const { picture: pic, service } = facetBase({
    service: rfaSvc(),
    procedureHistory: [MBB('2025-03-04', 90), MBB('2025-03-25', 85), RFA('2025-04-15', 'bilateral', [50, H.months(6), '2025-10-20'])],
  });
  add({
    id: 'RFA-03',
    topic: 'facet-rfa',
    source: SRC.facetRfa,
    grade: 'S1',
    primaryText: false,
    description:
      'Repeat RFA at threshold: prior RFA 2025-04-15 (same joints, both sides) gave 50 % for 6 months; < 2 years ago; none in the last 12 months',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready' },
  });
}
{
  const { picture: pic, service } = facetBase({
    service: rfaSvc(),
    procedureHistory: [MBB('2025-03-04', 90), MBB('2025-03-25', 85), RFA('2025-04-15', 'bilateral', [60, H.months(4), '2025-08-15'])],
  });
  add({
    id: 'RFA-04',
    topic: 'facet-rfa',
    source: SRC.facetRfa,
    grade: 'S1',
    primaryText: false,
    description: 'Repeat RFA below duration: prior RFA gave 60 % for only 4 months',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'repeat RFA needs >= 50 % for >= 6 months' },
  });
}
{
  const { picture: pic, service } = facetBase({
    service: rfaSvc({ laterality: 'left' }),
    procedureHistory: [
      MBB('2025-10-20', 90),
      MBB('2025-11-10', 85),
      RFA('2026-01-12', 'left', [70, H.months(7), '2026-08-12']),
      RFA('2026-06-15', 'right', [70, H.months(5), '2026-11-15']),
    ],
  });
  add({
    id: 'RFA-05',
    topic: 'facet-rfa',
    source: SRC.facetRfa,
    grade: 'S1',
    primaryText: false,
    description:
      'Above cap: RFA sessions 2026-01-12 (left) and 2026-06-15 (right) in the lumbar region; a third lumbar RFA session within 12 months (left repeat itself met 70 % for 7 months)',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'at most 2 RFA sessions per region per rolling 12 months' },
  });
}
{
  const { picture: pic, service } = facetBase({
    service: rfaSvc(),
    procedureHistory: [MBB('2024-03-05', 90), MBB('2024-03-26', 85), RFA('2024-04-20', 'bilateral', [70, H.months(10), '2025-02-20'])],
  });
  add({
    id: 'RFA-06',
    topic: 'facet-rfa',
    source: SRC.facetRfa,
    grade: 'S1',
    primaryText: false,
    description: 'Prior RFA 2024-04-20 (more than 2 years ago), good response, no new diagnostic blocks since',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: {
      verdict: 'not-eligible',
      alsoAcceptable: ['incomplete'],
      decidingRequirement: 'prior RFA > 2 years: repeat the two diagnostic blocks',
    },
  });
}
{
  const { picture: pic, service } = facetBase({
    service: rfaSvc(),
    procedureHistory: [
      MBB('2024-03-05', 90),
      MBB('2024-03-26', 85),
      RFA('2024-04-20', 'bilateral', [70, H.months(10), '2025-02-20']),
      MBB('2026-10-06', 90),
      MBB('2026-10-27', 85),
    ],
  });
  add({
    id: 'RFA-07',
    topic: 'facet-rfa',
    source: SRC.facetRfa,
    grade: 'S1',
    primaryText: false,
    description: 'Prior RFA > 2 years ago, followed by two new diagnostic MBBs (90 %, 85 %) in 2026',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready' },
  });
}
{
  const { picture: pic, service } = facetBase({
    procedureHistory: [MBB('2025-10-20', 90), MBB('2025-11-10', 85), RFA('2026-03-02', 'bilateral', [70, H.months(7), '2026-10-02'])],
  });
  add({
    id: 'RFA-08',
    topic: 'facet-rfa',
    source: SRC.facetRfa,
    grade: 'S1',
    primaryText: false,
    description: 'Diagnostic MBB planned at L4-L5, L5-S1 where an RFA 9 months ago succeeded (70 % for 7 months)',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'no diagnostic block at a level with a successful prior RFA' },
  });
}

export const FACET_RFA_CASES: readonly PolicyCase[] = cases;
