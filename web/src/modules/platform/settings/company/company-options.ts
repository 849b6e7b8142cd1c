/** Choices of the company profile, from the browser's own lists (the API checks against the same ones). */
export interface Option {
  value: string;
  label: string;
}

function supported(kind: 'currency' | 'timeZone'): string[] {
  try {
    return Intl.supportedValuesOf(kind);
  } catch {
    return [];
  }
}

/** The current value stays choosable even when this browser does not list it (such as "UTC"). */
function withCurrent(values: string[], current: string | null): string[] {
  return current && !values.includes(current) ? [current, ...values] : values;
}

/** "EUR · Euro", named in the user's language. */
export function currencyOptions(locale: string, current: string | null): Option[] {
  let names: Intl.DisplayNames | null;
  try {
    names = new Intl.DisplayNames([locale], { type: 'currency' });
  } catch {
    names = null;
  }
  return withCurrent(supported('currency'), current).map((code) => {
    const name = names?.of(code);
    return { value: code, label: name && name !== code ? `${code} · ${name}` : code };
  });
}

/** "Europe/Bucharest (GMT+03:00)" with today's offset, so people find their zone by either. */
export function timeZoneOptions(locale: string, current: string | null): Option[] {
  const now = new Date();
  // UTC is not a geographic zone, so browsers leave it out; the API accepts it.
  return withCurrent(['UTC', ...supported('timeZone').filter((zone) => zone !== 'UTC')], current).map((zone) => {
    let offset: string;
    try {
      offset = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(now).find((part) => part.type === 'timeZoneName')?.value ?? '';
    } catch {
      offset = '';
    }
    const name = zone.replaceAll('_', ' ');
    return { value: zone, label: offset ? `${name} (${offset})` : name };
  });
}
