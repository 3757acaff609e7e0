// Coverage -> payer identity. The payer Organization (included with the search) gives the stable identifier.
import type { CoverageFact } from '../../policy/picture';
import type { CoverageR, OrganizationR } from './schemas';
import { SYS, byDateThenRef, codeOf, evidence, refId, textOf } from './codes';

export function coverageFacts(list: CoverageR[], orgs: OrganizationR[]): CoverageFact[] {
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const out: CoverageFact[] = [];
  for (const c of list) {
    if (c.status === 'entered-in-error') continue;
    const payor = c.payor?.[0];
    const orgId = refId(payor?.reference, 'Organization');
    const org = orgId ? orgById.get(orgId) : undefined;
    const payerName = payor?.display ?? org?.name;
    const fact: CoverageFact = {
      id: c.id,
      status: c.status ?? 'unknown',
      source: 'coded',
      evidence: [evidence('Coverage', c.id, payerName ? `Coverage: ${payerName}` : 'Coverage', c.period?.start)],
    };
    const payerId = org?.identifier?.find((i) => i.value)?.value ?? orgId;
    if (payerId) fact.payerId = payerId;
    if (payerName) fact.payerName = payerName;
    const typeCode = codeOf(c.type, SYS.sopt) ?? c.type?.coding?.find((x) => x.code)?.code;
    if (typeCode) fact.typeCode = typeCode;
    const plan = c.class?.find((k) => k.type?.coding?.some((x) => x.code === 'plan')) ?? c.class?.[0];
    const planName = plan?.name ?? plan?.value;
    if (planName) fact.planName = planName;
    if (c.subscriberId) fact.subscriberId = c.subscriberId;
    if (c.order !== undefined) fact.order = c.order;
    if (c.period?.start) fact.periodStart = c.period.start;
    if (c.period?.end) fact.periodEnd = c.period.end;
    if (org) fact.evidence.push(evidence('Organization', org.id, org.name ?? textOf(c.type)));
    out.push(fact);
  }
  // Primary coverage first (order 1), then by start date.
  return out.sort((a, b) => (a.order ?? 99) - (b.order ?? 99) || byDateThenRef<CoverageFact>((f) => f.periodStart)(a, b));
}
