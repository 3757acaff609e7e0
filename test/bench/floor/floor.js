/* global document, fetch, location, sessionStorage, URLSearchParams */
// The launch bench's floor, redirect_uri: the token exchange, then the same requests the app's read wave sends
// (floor-config.json, written by the bench from the app's own wave plan: the same searches alone, the same batch,
// every next page, then the note Binaries), with raw fetch and no parsing beyond JSON. What the app spends over this
// is the app's own cost: its code, React, the picture and the verdict.
const config = await (await fetch('./floor-config.json')).json();
const saved = JSON.parse(sessionStorage.getItem('floor') ?? '{}');
const params = new URLSearchParams(location.search);
if (params.get('state') !== saved.state) throw new Error('state mismatch');
const form = new URLSearchParams({
  grant_type: 'authorization_code',
  code: params.get('code') ?? '',
  redirect_uri: saved.redirectUri,
  client_id: 'claimready',
  code_verifier: saved.verifier,
});
const token = await (await fetch(saved.tokenEndpoint, { method: 'POST', body: form })).json();
const base = saved.iss.replace(/\/$/, '');
const headers = { authorization: `Bearer ${token.access_token}`, accept: 'application/fhir+json' };
const patient = encodeURIComponent(token.patient);
const url = (u) => (/^https?:/.test(u) ? u : `${base}/${u.replaceAll('{patient}', patient)}`);
const get = async (u) => (await fetch(url(u), { headers })).json();
const resources = [];

async function pages(first) {
  let bundle = first;
  for (;;) {
    if (bundle.resourceType !== 'Bundle') return void resources.push(bundle);
    for (const e of bundle.entry ?? []) if (e.resource) resources.push(e.resource);
    const next = (bundle.link ?? []).find((l) => l.relation === 'next')?.url;
    if (!next) return;
    bundle = await get(next);
  }
}

// The searches that may page first, then the batch, as the app sends them.
const alone = config.alone.map(async (u) => pages(await get(u)));
const batch = config.batched.length
  ? fetch(base, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/fhir+json' },
      body: JSON.stringify({
        resourceType: 'Bundle',
        type: 'batch',
        entry: config.batched.map((u) => ({ request: { method: 'GET', url: u.replaceAll('{patient}', patient) } })),
      }),
    })
      .then((r) => r.json())
      .then((b) => Promise.all((b.entry ?? []).map((e) => e.resource && pages(e.resource))))
  : Promise.resolve();
await Promise.all([batch, ...alone]);
// Second wave: note bodies kept as Binary on this server, as the app fetches them.
const binaries = new Set();
for (const r of resources)
  for (const c of [...(r.content ?? []).map((x) => x.attachment), ...(r.presentedForm ?? [])])
    if (c?.url && !c.data && (c.url.startsWith(base) || /^Binary\//.test(c.url))) binaries.add(c.url);
await Promise.all([...binaries].map((u) => fetch(url(u), { headers: { authorization: headers.authorization } }).then((r) => r.text())));
const root = document.getElementById('root');
root.innerHTML = '';
const done = document.createElement('main');
done.dataset.testid = 'workspace';
done.dataset.complete = 'true';
done.textContent = `${resources.length} resources, ${binaries.size} note bodies`;
root.append(done);
