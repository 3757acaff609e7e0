/* global btoa, crypto, fetch, location, sessionStorage, TextEncoder, URL, URLSearchParams */
// The launch bench's floor, launch_uri: the SMART EHR launch with nothing else (no fhirclient, no app code): the
// smart-configuration, PKCE S256 and the authorize redirect, as the app's launch page does them.
const b64url = (bytes) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const params = new URLSearchParams(location.search);
const iss = params.get('iss');
const config = await (await fetch('../floor-config.json')).json();
const smart = await (await fetch(`${iss}/.well-known/smart-configuration`, { headers: { accept: 'application/json' } })).json();
const verifier = b64url(crypto.getRandomValues(new Uint8Array(32)));
const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
const state = b64url(crypto.getRandomValues(new Uint8Array(16)));
const redirectUri = new URL('../index.html', location.href).href;
sessionStorage.setItem('floor', JSON.stringify({ iss, verifier, state, redirectUri, tokenEndpoint: smart.token_endpoint }));
const url = new URL(smart.authorization_endpoint);
for (const [k, v] of Object.entries({
  response_type: 'code',
  client_id: 'claimready',
  redirect_uri: redirectUri,
  scope: config.scope,
  state,
  aud: iss,
  launch: params.get('launch') ?? '',
  code_challenge: challenge,
  code_challenge_method: 'S256',
}))
  url.searchParams.set(k, v);
location.href = url.href;
