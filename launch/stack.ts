// The whole local stack on one origin: the sandbox EHR (/, /app, /fhir, /auth), its PAS payer (/payer) and the
// ClaimReady service (/service), with the service's client key registered at the payer as a clinic would do once,
// out of band. Used by `npm start`, the e2e tests and the bench.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startSandbox, type Sandbox, type SandboxOptions } from './sandbox/server';
import { startService, type RunningService } from '../src/server/start';
import type { PayerConnection } from '../src/server/payer-client';
import { payerConformance } from './sandbox/payer/conformance-hook';

export const SERVICE_CLIENT_ID = 'claimready-service';

export interface Stack {
  sandbox: Sandbox;
  service: RunningService;
  close(): Promise<void>;
}

/** `payerConformance`: the payer refuses bundles that fail the official PAS profiles (launch/sandbox/conformance). */
export async function startStack(
  opts: SandboxOptions & {
    serviceDataDir?: string;
    databaseUrl?: string;
    portalPayers?: string[];
    payerConformance?: boolean;
    payers?: PayerConnection[];
  } = {},
): Promise<Stack> {
  const late: { service?: RunningService } = {};
  const mount = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!late.service) {
      res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'The service is starting.' }));
      return;
    }
    return late.service.handleNode(req, res);
  };
  const validate = opts.payer?.validate ?? (opts.payerConformance ? payerConformance : undefined);
  const sandbox = await startSandbox({
    ...opts,
    payer: { ...(opts.payer ?? {}), ...(validate ? { validate } : {}) },
    mounts: { ...(opts.mounts ?? {}), '/service': mount },
  });
  try {
    const service = await startService({
      ...(opts.serviceDataDir ? { dataDir: opts.serviceDataDir } : {}),
      ...(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : {}),
      publicBase: `${sandbox.origin}/service`,
      introspectUrl: `${sandbox.origin}/auth/introspect`,
      // Configured payers first; any other payer id goes to the sandbox payer ('*').
      payers: [
        ...(opts.payers ?? []),
        { id: '*', fhirBase: `${sandbox.origin}/payer/fhir`, tokenUrl: `${sandbox.origin}/payer/auth/token`, clientId: SERVICE_CLIENT_ID },
      ],
      ...(opts.portalPayers ? { portalPayers: opts.portalPayers } : {}),
    });
    sandbox.payer.auth.register(SERVICE_CLIENT_ID, service.key.jwks);
    late.service = service;
    return {
      sandbox,
      service,
      close: async () => {
        await sandbox.close();
        await service.close();
      },
    };
  } catch (err) {
    await sandbox.close();
    throw err;
  }
}
