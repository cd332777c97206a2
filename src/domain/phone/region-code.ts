import { isSupportedCountry } from 'libphonenumber-js';
import type { RegionCode } from './phone.types';

/** Narrows a configuration value ("us", "GB") to a region libphonenumber can parse with. */
export function toRegionCode(value: string): RegionCode | undefined {
  const upper = value.trim().toUpperCase();
  return isSupportedCountry(upper) ? upper : undefined;
}
