// What the sandbox advertises: the CapabilityStatement (with SMART oauth-uris), the SMART configuration document,
// and the smart_style_url document. Apps choose read and write targets from these, so they must stay true.
import { searchParamsFor } from './search';

/** Types the app reads and writes, plus those seed data carries; each gets read, search, create, update. */
export const RESOURCE_TYPES = [
  'Patient',
  'Practitioner',
  'PractitionerRole',
  'Organization',
  'Encounter',
  'Condition',
  'Procedure',
  'Observation',
  'MedicationRequest',
  'MedicationStatement',
  'Medication',
  'ServiceRequest',
  'DocumentReference',
  'DiagnosticReport',
  'Composition',
  'Coverage',
  'Binary',
  'Claim',
  'ClaimResponse',
  // Read by the app for the payer and PT courses where exports and claims feeds keep them (Synthea, payer data).
  'ExplanationOfBenefit',
  'CarePlan',
  'Task',
  'Provenance',
  'Bundle',
  'QuestionnaireResponse',
  'AllergyIntolerance',
  'Location',
] as const;

/** The search parameters the app relies on, listed first so a reader sees them; the rest follow from the spec. */
const APP_PARAMS = [
  '_id',
  'identifier',
  'patient',
  'subject',
  'clinical-status',
  'category',
  'code',
  'date',
  'status',
  'encounter',
  'beneficiary',
];

export function capabilityStatement(origin: string, fhirBase: string, software: { today: string }): Record<string, unknown> {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: software.today,
    kind: 'instance',
    software: { name: 'ClaimReady sandbox EHR', version: '0.1.0' },
    implementation: { description: 'Local sandbox EHR for ClaimReady (synthetic data only)', url: fhirBase },
    fhirVersion: '4.0.1',
    format: ['json', 'application/fhir+json'],
    rest: [
      {
        mode: 'server',
        interaction: [{ code: 'transaction' }, { code: 'batch' }],
        security: {
          cors: true,
          service: [
            {
              coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' }],
              text: 'OAuth2 using SMART-on-FHIR profile',
            },
          ],
          extension: [
            {
              url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
              extension: [
                { url: 'authorize', valueUri: `${origin}/auth/authorize` },
                { url: 'token', valueUri: `${origin}/auth/token` },
              ],
            },
          ],
        },
        resource: RESOURCE_TYPES.map((type) => ({
          type,
          interaction: [{ code: 'read' }, { code: 'search-type' }, { code: 'create' }, { code: 'update' }],
          versioning: 'versioned',
          readHistory: false,
          updateCreate: true,
          conditionalCreate: true,
          conditionalUpdate: false,
          conditionalDelete: 'not-supported',
          searchParam: orderedParams(type),
        })),
      },
    ],
  };
}

function orderedParams(type: string): { name: string; type: string; definition?: string }[] {
  const all = [{ name: '_id', type: 'token' }, ...searchParamsFor(type)];
  const rank = (n: string): number => {
    const i = APP_PARAMS.indexOf(n);
    return i < 0 ? APP_PARAMS.length : i;
  };
  const seen = new Set<string>();
  return all
    .filter((p) => !seen.has(p.name) && seen.add(p.name))
    .sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

export function smartConfiguration(origin: string, fhirBase: string): Record<string, unknown> {
  return {
    issuer: fhirBase,
    jwks_uri: `${origin}/auth/jwks`,
    authorization_endpoint: `${origin}/auth/authorize`,
    token_endpoint: `${origin}/auth/token`,
    token_endpoint_auth_methods_supported: ['none'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    response_types_supported: ['code'],
    scopes_supported: [
      'openid',
      'fhirUser',
      'profile',
      'launch',
      'launch/patient',
      'launch/encounter',
      'online_access',
      'offline_access',
      ...RESOURCE_TYPES.flatMap((t) => [
        `patient/${t}.rs`,
        `patient/${t}.cruds`,
        `user/${t}.rs`,
        `user/${t}.cruds`,
        `patient/${t}.read`,
        `patient/${t}.write`,
      ]),
    ],
    code_challenge_methods_supported: ['S256'],
    capabilities: [
      'launch-ehr',
      'launch-standalone',
      'authorize-post',
      'client-public',
      'context-ehr-patient',
      'context-ehr-encounter',
      'context-standalone-patient',
      'context-banner',
      'context-style',
      'permission-v1',
      'permission-v2',
      'permission-patient',
      'permission-user',
      'permission-online',
      'permission-offline',
      'sso-openid-connect',
    ],
  };
}

/** The SMART style document: the app is expected to pick up these colours and fonts when embedded. */
export const SMART_STYLE = {
  color_background: '#f7f8fa',
  color_error: '#b00020',
  color_highlight: '#0b5cad',
  color_modal_backdrop: 'rgba(0, 0, 0, 0.4)',
  color_success: '#1b7a3a',
  color_text: '#1d1f23',
  dim_border_radius: '4px',
  dim_font_size: '14px',
  dim_spacing_size: '16px',
  font_family_body: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  font_family_heading: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
};
