// One table per kind of fact: a prior-auth request, and the history of everything that happened to it. History is
// append-only, so a status is never overwritten without the event that changed it. Dates of service and
// authorization windows are kept as the payer's YYYY-MM-DD text: a date, not an instant, in no time zone.
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
     channel text NOT NULL DEFAULT 'pas',
     priority text NOT NULL DEFAULT 'standard',
     bundle_hash text,
     auth_number text,
     auth_start text,
     auth_end text,
     approved_units jsonb,
     denial_reason text,
     requested jsonb,
     requested_by text,
     next_action text,
     due timestamptz,
     is_open boolean NOT NULL DEFAULT true,
     tracking_number text,
     date_of_service text,
     submitted_at timestamptz,
     chart_task text,
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
  `CREATE INDEX IF NOT EXISTS pa_request_queue ON pa_request (is_open, due)`,
  `CREATE INDEX IF NOT EXISTS pa_request_patient ON pa_request (patient_id)`,
  // One rest-hook subscription per payer; its secret authenticates the payer's notifications.
  `CREATE TABLE IF NOT EXISTS pa_subscription (
     payer_id text PRIMARY KEY,
     subscription_id text NOT NULL,
     secret text NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  // The coded reason of a denial ({system, code, display}), beside its text: it maps to the policy clause.
  `ALTER TABLE pa_request ADD COLUMN IF NOT EXISTS denial_code jsonb`,
];

// Any number for the advisory lock, as long as it is always the same: two service processes starting against one
// Postgres server would otherwise race on CREATE ... IF NOT EXISTS (which is not safe against a concurrent create).
const MIGRATION_LOCK = 7_240_013;

/** The one migration path for both databases: all of it in one transaction, one migrator at a time. */
export async function migrate(sql: Sql): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    for (const m of MIGRATIONS) await tx.query(m);
  });
}
