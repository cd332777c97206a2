import type { Prng } from './prng';

/**
 * Per-country number generators and the many ways people write the same number, so the app's phone
 * matching is exercised against national format, spaces, dashes, dots, brackets, with and without "+cc".
 */
export interface CountryPhonePlan {
  country: string;
  callingCode: string;
  /** Trunk prefix used when dialling nationally ("0" in UK/DE/FR/BR/IN, none in US/EE). */
  trunk: string;
  /** National significant number as groups of digits. */
  generate(prng: Prng): string[];
}

const digits = (prng: Prng, count: number): string => {
  let out = '';
  for (let i = 0; i < count; i++) out += String(prng.int(0, 9));
  return out;
};

export const PHONE_PLANS: readonly CountryPhonePlan[] = [
  { country: 'US', callingCode: '1', trunk: '', generate: (p) => [String(p.int(2, 9)) + digits(p, 2), String(p.int(2, 9)) + digits(p, 2), digits(p, 4)] },
  { country: 'GB', callingCode: '44', trunk: '0', generate: (p) => (p.chance(0.5) ? ['20', String(p.int(3, 8)) + digits(p, 3), digits(p, 4)] : ['7' + digits(p, 3), digits(p, 6)]) },
  { country: 'DE', callingCode: '49', trunk: '0', generate: (p) => (p.chance(0.5) ? ['30', digits(p, 8)] : ['15' + String(p.int(1, 9)), digits(p, 8)]) },
  { country: 'EE', callingCode: '372', trunk: '', generate: (p) => ['5' + digits(p, 3), digits(p, 4)] },
  { country: 'FR', callingCode: '33', trunk: '0', generate: (p) => [String(p.int(6, 7)), digits(p, 2), digits(p, 2), digits(p, 2), digits(p, 2)] },
  { country: 'BR', callingCode: '55', trunk: '0', generate: (p) => [String(p.int(11, 99)), '9' + digits(p, 4), digits(p, 4)] },
  { country: 'IN', callingCode: '91', trunk: '0', generate: (p) => [String(p.int(7, 9)) + digits(p, 4), digits(p, 5)] },
];

/** Writes one national number in one of several real-world styles. */
export function formatPhone(plan: CountryPhonePlan, groups: string[], style: number): string {
  const [head = '', ...rest] = groups;
  const nsn = groups.join('');
  const national = plan.trunk + head;
  switch (style % 8) {
    case 0: return `+${plan.callingCode} ${groups.join(' ')}`;
    case 1: return [national, ...rest].join(' ');
    case 2: return `(${national}) ${rest.join('-')}`;
    case 3: return `+${plan.callingCode}${nsn}`;
    case 4: return `${plan.callingCode}${nsn}`;
    case 5: return [national, ...rest].join('-');
    case 6: return `+${plan.callingCode}-${groups.join('-')}`;
    default: return [national, ...rest].join('.');
  }
}
