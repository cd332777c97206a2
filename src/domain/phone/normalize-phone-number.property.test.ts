import fc from 'fast-check';
import { getCountries, getExampleNumber, type NumberFormat } from 'libphonenumber-js';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { normalizePhoneNumber } from './normalize-phone-number';
import type { RegionCode } from './phone.types';

const exampleNumbers = getCountries().flatMap((region) => {
  const example = getExampleNumber(region, examples);
  return example ? [{ region, example }] : [];
});

const FORMATS: NumberFormat[] = ['E.164', 'INTERNATIONAL', 'NATIONAL', 'RFC3966'];

/** Rewrites the separators people actually type: spaces, dashes, dots, nothing. */
function reseparate(formatted: string, separator: string): string {
  return formatted.replace(/[ -]/g, separator);
}

describe('normalizePhoneNumber properties', () => {
  it('has example numbers for many regions to draw from', () => {
    expect(exampleNumbers.length).toBeGreaterThan(200);
  });

  it('brings a number written in any format and separator back to the same E.164', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...exampleNumbers),
        fc.constantFrom(...FORMATS),
        fc.constantFrom(' ', '-', '.', ''),
        ({ region, example }, format, separator) => {
          const written = reseparate(example.format(format), separator);
          const result = normalizePhoneNumber(written, region);
          expect(result).toMatchObject({ ok: true, e164: example.number });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads an international number the same from every default region', () => {
    const regions = exampleNumbers.map(({ region }) => region);
    fc.assert(
      fc.property(
        fc.constantFrom(...exampleNumbers),
        fc.constantFrom(...regions),
        ({ example }, defaultRegion: RegionCode) => {
          const result = normalizePhoneNumber(example.format('INTERNATIONAL'), defaultRegion);
          expect(result).toMatchObject({ ok: true, e164: example.number });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is a fixed point on its own output, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (raw) => {
        const first = normalizePhoneNumber(raw, 'GB');
        if (!first.ok) return;
        expect(normalizePhoneNumber(first.e164)).toMatchObject({ ok: true, e164: first.e164 });
      }),
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom<RegionCode | undefined>('US', 'DE', undefined), (raw, region) => {
        expect(typeof normalizePhoneNumber(raw, region).ok).toBe('boolean');
      }),
    );
  });
});
