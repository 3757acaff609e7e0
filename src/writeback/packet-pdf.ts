// The readable prior-auth packet as a PDF. pdf-lib is imported on demand so it is fetched only when a packet is
// made, never at app launch.
import type { ClinicInfo } from './pas/parties';
import type { PacketParty, PacketSummaryInput } from './pdf/summary';
import { necessitySections } from './pdf/necessity';
import { requestedFor } from './pas/bundle';
import { requestDiagnoses } from './pas/request-dx';
import { SYS, isSystem } from '../policy/code-systems';

export type PacketPdfInput = Omit<PacketSummaryInput, 'clinic'> & { clinic: PacketParty | ClinicInfo; today?: string };

function nameOf(v: { name?: unknown }): string | undefined {
  if (typeof v.name === 'string') return v.name;
  if (Array.isArray(v.name)) {
    const n = v.name[0] as { text?: string; given?: string[]; family?: string } | undefined;
    return n?.text ?? ([...(n?.given ?? []), n?.family].filter(Boolean).join(' ') || undefined);
  }
  return undefined;
}

function npiOf(v: { npi?: string; identifier?: { system?: string; value?: string }[] }): string | undefined {
  return v.npi ?? v.identifier?.find((i) => isSystem(i.system, SYS.npi))?.value;
}

export function packetParty(clinic: PacketParty | ClinicInfo): PacketParty {
  if ('clinicName' in clinic) return clinic;
  const org = clinic.organization as { name?: unknown; npi?: string; identifier?: { system?: string; value?: string }[] };
  const pr = clinic.practitioner as { name?: unknown; npi?: string; identifier?: { system?: string; value?: string }[] };
  const clinicNpi = npiOf(org);
  const clinicianName = nameOf(pr);
  const clinicianNpi = npiOf(pr);
  return {
    clinicName: nameOf(org) ?? 'Clinic',
    ...(clinicNpi ? { clinicNpi } : {}),
    ...(clinicianName ? { clinicianName } : {}),
    ...(clinicianNpi ? { clinicianNpi } : {}),
  };
}

export function packetTitle(input: Pick<PacketSummaryInput, 'service'>): string {
  return `Prior-auth packet ${input.service.code}${input.service.date ? ` ${input.service.date.slice(0, 10)}` : ''}`;
}

export async function renderPacketPdf(input: PacketPdfInput): Promise<Uint8Array> {
  const lib = await import('pdf-lib');
  const { layoutSections } = await import('./pdf/layout');
  const sections = necessitySections({
    ...input,
    clinic: packetParty(input.clinic),
    today: input.today ?? input.now.slice(0, 10),
    requested: requestedFor(input.service, input.today ?? input.now.slice(0, 10)),
    diagnoses: requestDiagnoses(input.coding, input.service).list,
  });
  return layoutSections(lib, sections, packetTitle(input), input.now);
}
