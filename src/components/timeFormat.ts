const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * The hour-and-minute format of a locale, built once and shared by every message (building one
 * loads locale data: tens of milliseconds the first time, far too much to repeat per row).
 * Throws a RangeError for a malformed locale tag, like `Intl` itself.
 * @example timeFormat('fr-FR').format(Date.now()) // '14:05'
 */
export function timeFormat(locale: string | undefined): Intl.DateTimeFormat {
  const key = locale ?? '';
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
    formats.set(key, format);
  }
  return format;
}
