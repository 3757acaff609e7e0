// Medically Unlikely Edits (practitioner services) for the pain-management subset: units per code per patient per day.
// Hand-entered from secondary references; not confirmed against the CMS practitioner MUE file in this build, so every
// value is verified: false and MUE edits from it are warnings. Rebuild with src/tools/rebuild-code-data.ts.

import type { Mai, MueTable, MueValue } from './tables';

const m = (code: string, units: number, mai: Mai): MueValue => ({ code, units, mai, verified: false });

export const MUE: MueTable = {
  source: 'CMS Practitioner Services MUE Table (MCR_MUE_PractitionerServices_Eff_*.csv), hand-entered subset',
  quarter: '2026Q4',
  values: [
    m('62320', 1, 2),
    m('62321', 1, 2),
    m('62322', 1, 2),
    m('62323', 1, 2),
    m('62324', 1, 2),
    m('62325', 1, 2),
    m('62326', 1, 2),
    m('62327', 1, 2),
    m('64479', 1, 3),
    m('64480', 4, 3),
    m('64483', 1, 3),
    m('64484', 4, 3),
    m('64490', 1, 2),
    m('64491', 1, 2),
    m('64492', 1, 2),
    m('64493', 1, 2),
    m('64494', 1, 2),
    m('64495', 1, 2),
    m('64633', 1, 2),
    m('64634', 4, 3),
    m('64635', 1, 2),
    m('64636', 4, 3),
    m('27096', 1, 2),
    m('G0260', 1, 2),
    m('20552', 1, 2),
    m('20553', 1, 2),
    m('77003', 1, 3),
    m('77012', 1, 3),
    m('63650', 2, 3),
    m('99202', 1, 2),
    m('99203', 1, 2),
    m('99204', 1, 2),
    m('99205', 1, 2),
    m('99212', 1, 2),
    m('99213', 1, 2),
    m('99214', 1, 2),
    m('99215', 1, 2),
    m('G3002', 1, 2),
    m('G3003', 8, 3),
  ],
};
