/* global document, fetch, URLSearchParams */
// The simulated chart's behaviour, plain browser JavaScript (no framework, no CDN): list patients, keep each row's
// standalone link current with the chosen encounter and launch options, and launch the app into the iframe.
'use strict';

const rows = document.getElementById('patient-rows');
const frame = document.getElementById('app-frame');
const status = document.getElementById('status');
const withholdWrite = document.getElementById('opt-withhold-write');
const withholdObservation = document.getElementById('opt-withhold-observation');
const lifetime = document.getElementById('opt-lifetime');
const blockStorage = document.getElementById('opt-block-storage');
// Chart options that make the sandbox behave like a restricted EHR (launch/sandbox/restrictions.ts).
const restrictions = {
  noClaimCreate: document.getElementById('opt-no-claim-create'),
  noProvenanceCreate: document.getElementById('opt-no-provenance-create'),
  ignoreIfNoneExist: document.getElementById('opt-ignore-if-none-exist'),
  requireLoincType: document.getElementById('opt-require-loinc-type'),
};
// The app frame's sandbox as the chart ships it; without allow-same-origin the frame gets an opaque origin and the
// browser refuses it sessionStorage, as browsers do for cross-site iframes with third-party storage blocked.
const FRAME_SANDBOX = 'allow-scripts allow-same-origin allow-forms allow-popups allow-downloads';
const BLOCKED_SANDBOX = 'allow-scripts allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads';

function el(tag, attrs, children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const child of children || []) node.appendChild(child);
  return node;
}

function launchParams(patientId, select) {
  const params = { patient: patientId };
  if (select.value) params.encounter = select.value;
  if (withholdWrite.checked) params.withholdWrite = true;
  if (withholdObservation.checked) params.withholdObservation = true;
  if (lifetime.value) params.tokenLifetime = Number(lifetime.value);
  for (const [k, box] of Object.entries(restrictions)) if (box.checked) params[k] = true;
  return params;
}

function standaloneHref(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) q.set(k, v === true ? '1' : String(v));
  return '/chart/standalone?' + q.toString();
}

const refreshers = [];

function row(p) {
  const select = el('select', { id: 'enc-' + p.id, 'data-testid': 'encounter-' + p.id });
  select.appendChild(el('option', { value: '', text: 'No encounter' }));
  for (const e of p.encounters) {
    select.appendChild(el('option', { value: e.id, text: (e.date ? e.date.slice(0, 10) + ' ' : '') + e.label }));
  }
  const label = el('label', { for: 'enc-' + p.id, class: 'visually-hidden', text: 'Encounter for ' + p.name });
  const button = el('button', {
    type: 'button',
    'data-testid': 'launch-' + p.id,
    'aria-label': 'Launch ClaimReady for ' + p.name,
    text: 'Launch ClaimReady',
  });
  const link = el('a', { href: '#', target: '_blank', rel: 'opener', 'data-testid': 'standalone-' + p.id, text: 'Open standalone' });
  link.setAttribute('aria-label', 'Open standalone: ClaimReady for ' + p.name);
  const refresh = () => link.setAttribute('href', standaloneHref(launchParams(p.id, select)));
  refresh();
  refreshers.push(refresh);
  select.addEventListener('change', refresh);
  const tr = el('tr', { 'data-testid': 'patient-' + p.id }, [
    el('th', { scope: 'row' }, [
      document.createTextNode(p.name),
      el('span', { class: 'born', text: p.birthDate ? 'born ' + p.birthDate : '' }),
    ]),
    el('td', { text: p.payer || 'No coverage' }),
    el('td', { text: p.planned ? (p.planned.code ? p.planned.code + ' ' : '') + p.planned.label : 'None' }),
    el('td', {}, [label, select]),
    el('td', {}, [button, el('br'), link]),
  ]);
  button.addEventListener('click', () => launch(p, select, tr));
  return tr;
}

async function launch(p, select, tr) {
  status.textContent = 'Launching ClaimReady for ' + p.name + '...';
  for (const other of rows.querySelectorAll('tr.selected')) other.classList.remove('selected');
  tr.classList.add('selected');
  try {
    const res = await fetch('/chart/api/launch', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(launchParams(p.id, select)),
    });
    const body = await res.json();
    if (!res.ok) throw new Error(body.error || 'launch refused');
    frame.setAttribute('sandbox', blockStorage.checked ? BLOCKED_SANDBOX : FRAME_SANDBOX);
    frame.src = body.url;
    status.textContent = 'ClaimReady launched for ' + p.name + '.';
  } catch (err) {
    status.textContent = 'Launch failed: ' + err.message;
  }
}

for (const input of [withholdWrite, withholdObservation, lifetime, ...Object.values(restrictions)]) {
  input.addEventListener('change', () => refreshers.forEach((f) => f()));
}

fetch('/chart/api/patients')
  .then((res) => res.json())
  .then((patients) => {
    rows.textContent = '';
    if (patients.length === 0) rows.appendChild(el('tr', {}, [el('td', { colspan: '5', text: 'No patients loaded.' })]));
    for (const p of patients) rows.appendChild(row(p));
  })
  .catch(() => {
    rows.textContent = '';
    rows.appendChild(el('tr', {}, [el('td', { colspan: '5', text: 'Could not load patients.' })]));
  });
