// Coding cases (run by suggest.cases.test.ts) on services on one day: the E/M visit and modifier 25, and NCCI
// procedure-to-procedure pairs with their modifier indicator.
import { type Case, TF, FACET, TP, ENC, EM } from './case';
import { work } from '../build';

export const SAME_DAY_CASES: Case[] = [
  // Same-day E/M and modifier 25
  {
    name: 'E/M + TFESI with separate work documented: 99213-25',
    services: [EM(), TF(['L5-S1'], 'right')],
    pic: { visitWork: [work()] },
    lines: [
      ['99213', ['25'], 1],
      ['64483', ['RT'], 1],
    ],
    not: ['modifier'],
  },
  {
    name: 'E/M + TFESI without separate work: no 25, modifier error',
    services: [EM(), TF(['L5-S1'], 'right')],
    lines: [
      ['99213', [], 1],
      ['64483', ['RT'], 1],
    ],
    has: [['modifier', 'error']],
  },
  {
    name: 'E/M + TFESI, separate work documented on another day: no 25',
    services: [EM(), TF(['L5-S1'], 'right')],
    pic: { visitWork: [work('2026-11-02')] },
    lines: [
      ['99213', [], 1],
      ['64483', ['RT'], 1],
    ],
    has: [['modifier', 'error']],
  },
  { name: 'E/M alone: no 25 and no modifier edit', services: [EM('99214')], lines: [['99214', [], 1]], not: ['modifier'] },
  {
    name: 'E/M + trigger points with separate work: 99213-25 + 20553',
    services: [EM(), TP(4)],
    pic: { visitWork: [work()] },
    lines: [
      ['99213', ['25'], 1],
      ['20553', [], 1],
    ],
    not: ['modifier'],
  },
  {
    name: 'Coder adds 25 with no documented work: modifier error',
    services: [EM(), TF(['L5-S1'], 'right')],
    given: [
      ['99213', ['25'], 1],
      ['64483', ['RT'], 1],
    ],
    has: [['modifier', 'error']],
  },
  {
    name: 'Trigger points with an E/M coded on the encounter and separate work: 99214-25 added first',
    services: [TP(3)],
    pic: { encounters: [ENC('99214')], visitWork: [work()] },
    lines: [
      ['99214', ['25'], 1],
      ['20553', [], 1],
    ],
    not: ['modifier'],
  },
  {
    name: 'Trigger points with an E/M coded on the encounter, no separate work: visit not added, modifier warning says why',
    services: [TP(3)],
    pic: { encounters: [ENC('99213')] },
    lines: [['20553', [], 1]],
    has: [['modifier', 'warning']],
  },
  {
    name: "E/M coded on another day's encounter is ignored",
    services: [TP(3)],
    pic: { encounters: [ENC('99213', '2026-10-01')], visitWork: [work()] },
    lines: [['20553', [], 1]],
    not: ['modifier'],
  },
  // NCCI PTP with modifier indicator (pairs unverified -> warnings)
  {
    name: 'TFESI L5-S1 + MBB L3-L4 same day: indicator 1, different levels documented -> XS',
    services: [TF(['L5-S1'], 'right'), FACET(['L3-L4'], 'right')],
    lines: [
      ['64483', ['RT'], 1],
      ['64493', ['RT', 'XS'], 1],
    ],
    not: ['ncci'],
  },
  {
    name: 'TFESI + MBB at the same level: no XS, NCCI warning',
    services: [TF(['L4-L5'], 'right'), FACET(['L4-L5'], 'right')],
    lines: [
      ['64483', ['RT'], 1],
      ['64493', ['RT'], 1],
    ],
    has: [['ncci', 'warning']],
  },
  {
    name: '20553 + 20552-59: indicator 0, no modifier bypasses',
    services: [TP(3)],
    given: [
      ['20553', [], 1],
      ['20552', ['59'], 1],
    ],
    has: [['ncci', 'warning']],
  },
  {
    name: 'XS with no pair to bypass: modifier warning',
    services: [TF(['L5-S1'], 'right')],
    given: [['64483', ['RT', 'XS'], 1]],
    has: [['modifier', 'warning']],
  },
  {
    name: 'TFESI + trigger points same day: indicator 1, separate structure -> XS on 20552',
    services: [TF(['L5-S1'], 'right'), TP(2)],
    lines: [
      ['64483', ['RT'], 1],
      ['20552', ['XS'], 1],
    ],
    not: ['ncci', 'modifier'],
  },
  {
    name: 'MBB lumbar + cervical TFESI: different regions -> no PTP pair, no modifier',
    services: [FACET(['L4-L5'], 'right'), TF(['C5-C6'], 'right', '64479')],
    lines: [
      ['64493', ['RT'], 1],
      ['64479', ['RT'], 1],
    ],
    not: ['ncci', 'modifier'],
  },
];
