import { createContext, useContext, useEffect, useState } from 'react';

/** Shows a number in the company's country style; until the formatter's chunk is in, as stored. */
export type FormatPhone = (raw: string) => string;

const asStored: FormatPhone = (raw) => raw;

export const PhoneFormatContext = createContext<FormatPhone>(asStored);

export function useFormatPhone(): FormatPhone {
  return useContext(PhoneFormatContext);
}

/**
 * Loads the formatter once the company's region is known (`undefined`: not yet; `null`: none set,
 * so only international numbers are formatted). Results are kept: lists format the same numbers on
 * every render.
 */
export function usePhoneFormatter(companyRegion: string | null | undefined): FormatPhone {
  const [format, setFormat] = useState<FormatPhone>(() => asStored);
  useEffect(() => {
    if (companyRegion === undefined) return;
    let isCurrent = true;
    import('./format-phone-number').then(
      ({ formatPhoneNumber }) => {
        if (!isCurrent) return;
        const known = new Map<string, string>();
        setFormat(() => (raw: string) => {
          let shown = known.get(raw);
          if (shown === undefined) {
            shown = formatPhoneNumber(raw, companyRegion);
            known.set(raw, shown);
          }
          return shown;
        });
      },
      // No formatter (offline chunk): numbers stay as stored, which is still correct.
      () => {},
    );
    return () => {
      isCurrent = false;
    };
  }, [companyRegion]);
  return format;
}
