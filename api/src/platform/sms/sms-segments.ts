/**
 * How many SMS segments a text costs, the way carriers (and Twilio) split it. Pure and dependency
 * free: the API stores the count, and the web app imports this same file for its live counter.
 *
 * - GSM-7 (the GSM 03.38 alphabet): 160 septets in one message; a longer text is sent in parts of
 *   153 (7 septets carry the concatenation header). Characters of the extension table (€ [ ] { } …)
 *   take two septets, and a part never splits one.
 * - Anything outside that alphabet makes the whole text UCS-2: 70 UTF-16 code units in one message,
 *   67 per part; a part never splits a surrogate pair (an emoji takes two units).
 */

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSegments {
  encoding: SmsEncoding;
  /** Parts the text is sent in; 0 for an empty text. */
  segments: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  units: number;
  /** Units one part holds at this length: 160/70 for a single message, 153/67 once it is split. */
  perSegment: number;
  /** Units still free in the last part before another part starts. */
  remaining: number;
}

/** The GSM 03.38 basic character set (escape excluded: it introduces the extension table). */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** The extension table: each costs an escape septet plus its own. */
const GSM_EXTENDED = new Set('\f^{}\\[~]|€');

const SINGLE = { 'GSM-7': 160, 'UCS-2': 70 } as const;
const PART = { 'GSM-7': 153, 'UCS-2': 67 } as const;

/** Whether every character of the text is in the GSM-7 alphabet (basic or extension table). */
export function isGsm7(text: string): boolean {
  for (const char of text) {
    if (!GSM_BASIC.has(char) && !GSM_EXTENDED.has(char)) return false;
  }
  return true;
}

/** The size of each character, in the units of the encoding (code points, so pairs stay whole). */
function unitSizes(text: string, encoding: SmsEncoding): number[] {
  return Array.from(text, (char) => (encoding === 'GSM-7' ? (GSM_EXTENDED.has(char) ? 2 : 1) : char.length));
}

export function smsSegments(text: string): SmsSegments {
  const encoding: SmsEncoding = isGsm7(text) ? 'GSM-7' : 'UCS-2';
  const sizes = unitSizes(text, encoding);
  const units = sizes.reduce((sum, size) => sum + size, 0);
  if (units === 0) return { encoding, segments: 0, units, perSegment: SINGLE[encoding], remaining: SINGLE[encoding] };
  if (units <= SINGLE[encoding]) return { encoding, segments: 1, units, perSegment: SINGLE[encoding], remaining: SINGLE[encoding] - units };
  // Split: fill each part greedily; a character that does not fit whole starts the next part.
  const perSegment = PART[encoding];
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > perSegment) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return { encoding, segments, units, perSegment, remaining: perSegment - used };
}
