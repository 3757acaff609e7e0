// USPS state and territory names → their two-letter codes. US Core asks for the code in Address.state, but EHRs also
// send the name ("Ohio"): read as unknown, a WISeR state came out as prior authorization "depends".
const NAMES: Record<string, string> = {
  alabama: 'AL',
  alaska: 'AK',
  arizona: 'AZ',
  arkansas: 'AR',
  california: 'CA',
  colorado: 'CO',
  connecticut: 'CT',
  delaware: 'DE',
  'district of columbia': 'DC',
  florida: 'FL',
  georgia: 'GA',
  hawaii: 'HI',
  idaho: 'ID',
  illinois: 'IL',
  indiana: 'IN',
  iowa: 'IA',
  kansas: 'KS',
  kentucky: 'KY',
  louisiana: 'LA',
  maine: 'ME',
  maryland: 'MD',
  massachusetts: 'MA',
  michigan: 'MI',
  minnesota: 'MN',
  mississippi: 'MS',
  missouri: 'MO',
  montana: 'MT',
  nebraska: 'NE',
  nevada: 'NV',
  'new hampshire': 'NH',
  'new jersey': 'NJ',
  'new mexico': 'NM',
  'new york': 'NY',
  'north carolina': 'NC',
  'north dakota': 'ND',
  ohio: 'OH',
  oklahoma: 'OK',
  oregon: 'OR',
  pennsylvania: 'PA',
  'rhode island': 'RI',
  'south carolina': 'SC',
  'south dakota': 'SD',
  tennessee: 'TN',
  texas: 'TX',
  utah: 'UT',
  vermont: 'VT',
  virginia: 'VA',
  washington: 'WA',
  'west virginia': 'WV',
  wisconsin: 'WI',
  wyoming: 'WY',
  'puerto rico': 'PR',
  guam: 'GU',
  'virgin islands': 'VI',
  'u.s. virgin islands': 'VI',
  'american samoa': 'AS',
  'northern mariana islands': 'MP',
};
const CODES = new Set(Object.values(NAMES));

/** The two-letter code of a state written as its code or its name (any case, surrounding spaces and periods ignored). */
export function usStateCode(text: string | undefined): string | undefined {
  const t = text?.trim().replace(/\s+/g, ' ');
  if (!t) return undefined;
  const upper = t.replace(/\./g, '').toUpperCase();
  if (CODES.has(upper)) return upper;
  return NAMES[t.toLowerCase()];
}
