// Validates the launch context, then provides the query cache and the workspace for this patient.
import { useMemo } from 'react';
import type Client from 'fhirclient/lib/Client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { parseLaunchContext } from '../fhir/index';
import { LaunchProblemScreen } from './LaunchProblemScreen';
import { Workspace } from './Workspace';
import type { EarlyRead } from './hooks/early-read';

export function Root({ client, early }: { client: Client; early?: EarlyRead | undefined }) {
  const parsed = useMemo(() => parseLaunchContext(client.state.tokenResponse), [client]);
  const queryClient = useMemo(
    () => new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: Infinity } } }),
    [],
  );
  if (!parsed.ok) return <LaunchProblemScreen problem={parsed.problem} />;
  return (
    <QueryClientProvider client={queryClient}>
      <Workspace client={client} context={parsed.context} early={early} />
    </QueryClientProvider>
  );
}
