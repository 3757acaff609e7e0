import { validatePasConformance, formatIssues, loadPackages } from '../launch/sandbox/conformance/index';
const pas = loadPackages().find((p) => p.name.includes('pas'))!;
const b = pas.examples.get('Bundle-ReferralAuthorizationBundleExample.json') as any;
const r0 = validatePasConformance(b);
console.log(formatIssues(r0.information).join('\n'));
console.log(r0.checked.map(c=>c.path+' '+c.resourceType+' '+c.profile.split('/').pop()+' '+c.ok).join('\n'));
const cases: [string, (b: any) => void][] = [
  ['doc type local', (b) => { const d = b.entry.find((e: any) => e.resource.resourceType === 'DocumentReference').resource; d.type = { coding: [{ system: 'https://claimready.app/CodeSystem/document-type', code: 'x' }] }; }],
  ['cov no identifier + self', (b) => { const c = b.entry.find((e: any) => e.resource.resourceType === 'Coverage').resource; delete c.identifier; c.relationship = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/subscriber-relationship', code: 'self' }] }; delete c.subscriber; }],
  ['role no telecom', (b) => { const c = b.entry.find((e: any) => e.resource.resourceType === 'PractitionerRole').resource; delete c.telecom; delete c.endpoint; }],
  ['medstatement support', (b) => { b.entry.push({ fullUrl: 'http://example.org/fhir/MedicationStatement/m1', resource: { resourceType: 'MedicationStatement', id: 'm1', status: 'completed', medicationCodeableConcept: { text: 'ibuprofen' }, subject: { reference: 'Patient/SubscriberExample' } } }); b.entry[0].resource.supportingInfo[0].valueReference = { reference: 'MedicationStatement/m1' }; }],
  ['item no category, bad ext', (b) => { delete b.entry[0].resource.item[0].category; b.entry[0].resource.item[0].extension[0].valueCodeableConcept = {text: 'x'}; b.entry[0].resource.extension = [{url:'http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-nope', valueString:'x'}]; }],
  ['docinfo missing reportType', (b) => { const s = b.entry[0].resource.supportingInfo[0]; s.extension[0].extension = s.extension[0].extension.filter((x:any)=>x.url!=='reportTypeCode'); }],
  ['practitioner no family no id', (b) => { const c = b.entry.find((e: any) => e.resource.resourceType === 'Practitioner').resource; delete c.identifier; c.name = [{ text: 'Dr X' }]; }],
];
for (const [name, f] of cases) { const c = structuredClone(b); f(c); const r = validatePasConformance(c); console.log('==', name, r.errors.length); console.log(formatIssues(r.errors).join('\n')); }
