import { readFileSync } from 'node:fs';
import { validatePasBundle } from '../src/writeback/pas/validate';
import { loadPackages } from '../launch/sandbox/conformance/index';
for (const f of ['ig-referral-authorization-bundle.json', 'ig-medical-services-authorization-bundle.json', 'ig-homecare-authorization-bundle.json']) console.log(f, JSON.stringify(validatePasBundle(JSON.parse(readFileSync('test/fixtures/pas/' + f, 'utf8'))).violations));
const pas = loadPackages().find((p) => p.name.includes('pas'))!;
for (const f of ['Bundle-ReferralAuthorizationBundleExample.json', 'Bundle-MedicalServicesAuthorizationBundleExample.json', 'Bundle-HomecareAuthorizationBundleExample.json']) console.log(f, JSON.stringify(validatePasBundle(pas.examples.get(f)).violations));
