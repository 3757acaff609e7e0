// Sources, as read (grades from /work/shared/policy/README.md and from what the search tool returned).

export const SRC = {
  esiS1:
    'ESI LCD L39242 family (Noridian twin L39240 / A58993) Covered Indications, via "ESI Medical-Necessity Rubric" 2025-04-04 (S1, as recorded in shared README); L33906 summary on verity.backworkai.com (S2)',
  esiUtil:
    'Billing articles A56651 and A58777 (S2 summaries: one region per session, TFESI <= 2 levels, ILESI 1 level, <= 4 sessions per region per rolling 12 months); ESI rubric (S1)',
  esiRepeat:
    'ESI LCD L39242 family, Limitations / repeat injections: >= 50 % sustained improvement in pain or function for >= 3 months (S1 rubric); L33906 summary ">= 50 % sustained improvement or 50 % functional gain" (S2)',
  esiSame:
    'ESI LCD L39242 family, Limitations: several different blocks in one session (ESI + facet ...) not covered, any region; facet cyst with ESI excepted (S1 rubric only)',
  facetP:
    'CGS "OPD Procedure: Facet Joint Interventions for Pain Management" (https://www.cgsmedicare.com/parta/pa/subs/facet.html), First and Second Diagnostic Criteria (P)',
  facetDx:
    'Article A58403 (Noridian, L38801) ICD-10-CM Group 1 list: M47.812-M47.817, M47.892-M47.897, M48.12-M48.17; M53.82-M53.87 facet cyst only, not ablation; no M54.x (S1, two consistent sources per shared README)',
  facetRfa:
    'Facet LCD L38803 family (L38801), RFA criteria via "Facet Joint Interventions Medical-Necessity Rubric" 2025-02-26 (S1): two diagnostic blocks >= 80 %; repeat RFA >= 50 % for >= 6 months; <= 2 RFA sessions per region per rolling 12 months; prior RFA > 2 years -> repeat diagnostic blocks; no diagnostic block at a level with successful prior RFA',
  facetLevels:
    'Facet LCD L38803 / DL38803 document note (CMS MCD, P): "non-coverage of 3rd level injection"; A58403 (S1): 64492/64495 not covered',
  icd: 'ICD-10-CM FY2025 (effective 2024-10-01): M51.36/M51.37 became headers with children M51.360-M51.369 / M51.370-M51.379 (shared README P-summary; code pages diseasedb.com M51.360, M51.370, S2); only billable codes are valid',
  evicore:
    'eviCore CMM-200 Epidural Steroid Injections (verity.backworkai.com summaries EVICORE-MSK_ADVANCED-304F809B and -29C62396, S2; shared README): >= 6 weeks failed conservative care for radiculopathy, >= 4 weeks for spinal stenosis; <= 4 per region per 12 months',
  bcbsma:
    'BCBSMA medical policy 690 reminder, provider news 2021-12-07 (provider.bluecrossma.com, P): >= 4 weeks conservative care incl. prescription-strength analgesics AND >= 4 weeks PT (or why not tolerated); at least moderate-severe pain; repeat only if prior ESIs relieved pain, >= 30 days since last, <= 6 injections in 12 months',
  si: 'SI joint LCDs L39402 / L39455 (verity.backworkai.com summaries, S2) and AAPM bulletin on L39383 (painmed.org, S2): pain below L5 >= 3 months, >= 3 provocative tests, >= 4 weeks conservative care, diagnostic >= 75 %, SIJ RFA not covered',
};
