// Payer connections from a JSON file (CLAIMREADY_PAYERS): which payers ClaimReady submits to by PAS, with the client
// id each registered for ClaimReady's key, and which go through a portal. Checked with zod; a bad file stops the start
// with the reason rather than running with half a configuration.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { PayerConnection } from './payer-client';

const Connection = z.object({
  id: z.string().min(1),
  fhirBase: z.url(),
  tokenUrl: z.url(),
  clientId: z.string().min(1),
  scope: z.string().optional(),
});
export const PayerConfig = z.object({ payers: z.array(Connection).default([]), portalPayers: z.array(z.string().min(1)).default([]) });

export function loadPayerConfig(file: string): { payers: PayerConnection[]; portalPayers: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`The payer configuration ${file} could not be read as JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const c = PayerConfig.safeParse(json);
  if (!c.success)
    throw new Error(
      `The payer configuration ${file} is not valid: ${c.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return { payers: c.data.payers.map((p) => ({ ...p, fhirBase: p.fhirBase.replace(/\/$/, '') })), portalPayers: c.data.portalPayers };
}
