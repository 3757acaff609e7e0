import { PATIENTS } from '../test/writeback/pas/patients';
import { assess, resolvePayer } from '../src/policy/index';
for (const c of PATIENTS) { const p = resolvePayer(c.input.picture.coverages).payer; const a = assess(c.input.picture, c.input.service, p, c.input.today); console.log(c.name, c.input.service.code, p.id, JSON.stringify(a.priorAuth), a.verdict); }
