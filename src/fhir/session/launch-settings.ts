// Build-time configuration of the SMART launch (documented in the README): client id, scopes, redirect path.
import { requestedScopes } from './scopes';

export interface LaunchSettings {
  clientId: string;
  scope: string;
  redirectUri: string;
}

export function launchSettings(launchPageHref: string): LaunchSettings {
  const env = import.meta.env;
  return {
    clientId: env.VITE_SMART_CLIENT_ID || 'claimready',
    scope: env.VITE_SMART_SCOPES || requestedScopes(),
    // The app page sits one folder above the launch page (dist/index.html vs dist/launch/index.html).
    redirectUri: new URL(env.VITE_SMART_REDIRECT_PATH || '../index.html', launchPageHref).href,
  };
}
