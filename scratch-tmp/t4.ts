import { validatePasConformance, formatIssues, loadPackages } from '../launch/sandbox/conformance/index';
const pas = loadPackages().find((p) => p.name.includes('pas'))!;
for (const [name, b] of pas.examples) {
  if (!name.startsWith('Bundle-') || !(b as any).entry?.[0]?.resource?.resourceType?.startsWith('Claim') || (b as any).entry[0].resource.use !== 'preauthorization') continue;
  const t = Date.now();
  const r = validatePasConformance(b);
  console.log('==', name, r.errors.length, 'errors', r.warnings.length, 'warn', r.information.length, 'info', Date.now() - t, 'ms');
  console.log(formatIssues(r.errors).join('\n'));
  console.log(formatIssues(r.warnings).slice(0, 8).join('\n'));
}
