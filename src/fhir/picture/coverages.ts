// Coverage -> payer identity. The payer Organization (included with the search) gives the stable identifier. Exports
// without a Coverage (Synthea, claims data) name the payer on Claim / ExplanationOfBenefit.insurance: the latest one is
// used, and the fact says it came from there.
import type { CoverageFact, DataIssue } from '../../policy/picture';
import type { ClaimR, CoverageR, ExplanationOfBenefitR, OrganizationR } from './schemas';
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
      from: 'Coverage',
      evidence: [evidence('Coverage', c.id, payerName ? `Coverage: ${payerName}` : 'Coverage', c.period?.start)],
    };
    const payerId = org?.identifier?.find((i) => i.value)?.value ?? orgId;
    if (payerId) fact.payerId = payerId;
    if (payerName) fact.payerName = payerName;
    const typeCode = codeOf(c.type, SYS.sopt) ?? c.type?.coding?.find((x) => x.code)?.code;
    if (typeCode) fact.typeCode = typeCode;
    // A group or subgroup number is not the plan's name: the fallback is only an untyped class.
    const plan =
      c.class?.find((k) => k.type?.coding?.some((x) => x.code === 'plan')) ??
      c.class?.find((k) => !k.type?.coding?.some((x) => x.code === 'group' || x.code === 'subgroup'));
    const planName = plan?.name ?? plan?.value;
    if (planName) fact.planName = planName;
    if (c.subscriberId) fact.subscriberId = c.subscriberId;
    const memberId = c.identifier?.find((i) => i.value && i.type?.coding?.some((x) => x.code === 'MB'))?.value ?? c.subscriberId;
    if (memberId) fact.memberId = memberId;
    if (c.order !== undefined) fact.order = c.order;
    if (c.period?.start) fact.periodStart = c.period.start;
    if (c.period?.end) fact.periodEnd = c.period.end;
    if (org) fact.evidence.push(evidence('Organization', org.id, org.name ?? textOf(c.type)));
    out.push(fact);
  }
  // Primary coverage first (order 1), then by start date.
  return out.sort((a, b) => (a.order ?? 99) - (b.order ?? 99) || byDateThenRef<CoverageFact>((f) => f.periodStart)(a, b));
}

type Billing = ClaimR | ExplanationOfBenefitR;

const billedOn = (b: Billing): string => b.billablePeriod?.start ?? b.created ?? '';

/** The payer named by the latest Claim (else the latest EOB), its focal insurance, for records with no Coverage. */
export function billingPayer(claims: ClaimR[], eobs: ExplanationOfBenefitR[], orgs: OrganizationR[]): CoverageFact | undefined {
  return latestPayer(claims, orgs) ?? latestPayer(eobs, orgs);
}

function latestPayer(list: Billing[], orgs: OrganizationR[]): CoverageFact | undefined {
  const live = list.filter((b) => !['entered-in-error', 'cancelled'].includes(b.status ?? ''));
  let latest: { b: Billing; name: string; orgId?: string } | undefined;
  for (const b of live) {
    const ins = b.insurance?.find((i) => i.focal) ?? b.insurance?.[0];
    const ref = ins?.coverage?.reference;
    // EOBs often contain their Coverage ("#coverage"): its payor is the payer.
    const contained = ref?.startsWith('#') ? b.contained?.find((c) => c.id === ref.slice(1)) : undefined;
    const containedPayor = (contained as { payor?: { display?: string; reference?: string }[] } | undefined)?.payor?.[0];
    const orgId = refId(b.insurer?.reference, 'Organization') ?? refId(containedPayor?.reference, 'Organization');
    const name =
      containedPayor?.display ??
      ins?.coverage?.display ??
      b.insurer?.display ??
      (orgId ? orgs.find((o) => o.id === orgId)?.name : undefined);
    if (!name || name === 'no_insurance') continue;
    if (!latest || billedOn(b) > billedOn(latest.b)) {
      latest = { b, name, ...(orgId ? { orgId } : {}) };
    }
  }
  if (!latest) return undefined;
  const { b, name, orgId } = latest;
  const org = orgId ? orgs.find((o) => o.id === orgId) : undefined;
  const fact: CoverageFact = {
    id: `${b.resourceType}/${b.id}`,
    status: 'active',
    payerName: name,
    source: 'coded',
    from: b.resourceType,
    evidence: [
      evidence(
        b.resourceType,
        b.id,
        `Payer on ${b.resourceType === 'Claim' ? 'claim' : 'explanation of benefit'}: ${name}`,
        billedOn(b) || undefined,
      ),
    ],
  };
  // Without an Organization the insurance display is all there is ("medicare", "private"): it is the payer's name.
  fact.payerId = org?.identifier?.find((i) => i.value)?.value ?? orgId ?? name;
  if (billedOn(b)) fact.periodStart = billedOn(b);
  return fact;
}

/** Says where the payer came from when it did not come from a Coverage, or that none of the places named one. */
export function payerIssue(coverages: CoverageFact[], claims: number, eobs: number): DataIssue | undefined {
  const first = coverages[0];
  if (first && first.from !== 'Coverage') {
    const ref = first.evidence[0]?.ref ?? first.id;
    return {
      resourceType: 'Coverage',
      severity: 'warning',
      message: `No Coverage in the record; the payer (${first.payerName ?? 'unnamed'}) was read from ${ref}, the latest claim naming one.`,
    };
  }
  if (!first) {
    return {
      resourceType: 'Coverage',
      severity: 'warning',
      message: `No payer found: looked in Coverage (none) and in ${claims} Claim and ${eobs} ExplanationOfBenefit resources (none names a payer).`,
    };
  }
  return undefined;
}
