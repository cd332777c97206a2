export interface RegionOption {
  code: string;
  name: string;
}

/** Regions named in the reader's language (Intl.DisplayNames), sorted by name; the code when a name is missing. */
export function regionOptions(codes: readonly string[], locale?: string): RegionOption[] {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames(locale === undefined ? undefined : [locale], { type: 'region' });
  } catch {
    names = null;
  }
  const nameOf = (code: string) => {
    try {
      return names?.of(code) ?? code;
    } catch {
      return code;
    }
  };
  const collator = new Intl.Collator(locale);
  return codes.map((code) => ({ code, name: nameOf(code) })).sort((a, b) => collator.compare(a.name, b.name));
}
