// One table per kind of fact: a prior-auth request, and the history of everything that happened to it. History is
// append-only, so a status is never overwritten without the event that changed it.
import type { Sql } from './db';

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS pa_request (
     id text PRIMARY KEY,
     patient_id text NOT NULL,
     payer_id text NOT NULL,
     service_code text NOT NULL,
     claim_system text NOT NULL,
     claim_value text NOT NULL,
     status text NOT NULL,
     auth_number text,
     auth_start date,
     auth_end date,
     approved_units jsonb,
     denial_reason text,
     next_action text,
     due date,
     tracking_number text,
     date_of_service date,
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now(),
     UNIQUE (claim_system, claim_value)
   )`,
  `CREATE TABLE IF NOT EXISTS pa_event (
     seq bigserial PRIMARY KEY,
     request_id text NOT NULL REFERENCES pa_request(id),
     at timestamptz NOT NULL DEFAULT now(),
     actor text NOT NULL,
     kind text NOT NULL,
     status text,
     detail jsonb
   )`,
  `CREATE INDEX IF NOT EXISTS pa_event_request ON pa_event (request_id, seq)`,
  `CREATE INDEX IF NOT EXISTS pa_request_queue ON pa_request (status, due)`,
];

export async function migrate(sql: Sql): Promise<void> {
  for (const m of MIGRATIONS) await sql.query(m);
}
