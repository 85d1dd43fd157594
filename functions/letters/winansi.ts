/**
 * Makes any string drawable with a PDF standard-14 font (Helvetica and friends), whose
 * WinAnsiEncoding (Windows-1252) covers Danish, Norwegian, Swedish, Finnish, German and Estonian
 * (æøå, äöü, ß, õ, š, ž) but not, say, Polish ł/ż, Czech ř or any CJK.
 *
 * A character the font can encode is kept. Anything else is transliterated: a few letters that
 * Unicode does not decompose (Ł → L, Đ → D, ı → i, ...), then NFKD with the combining marks
 * dropped (ż → z, ř → r, ﬁ → fi, narrow no-break space → space). What is still left (CJK, emoji,
 * Cyrillic, ...) becomes `replacement` ('?'). Invisible characters (zero-width joiners, variation
 * selectors, soft hyphens, control characters) are removed; tabs become spaces; newlines stay.
 *
 * Pure and deterministic: the same input always gives the same output.
 */

/** Letters with no Unicode decomposition to a base letter, and punctuation outside Windows-1252. */
const EXTRA: Readonly<Record<string, string>> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  ĸ: 'k',
  Ŋ: 'N',
  ŋ: 'n',
  Ŧ: 'T',
  ŧ: 't',
  Ə: 'E',
  ə: 'e',
  Ɨ: 'I',
  ɨ: 'i',
  Ø: 'O',
  ø: 'o',
  Æ: 'AE',
  æ: 'ae',
  Œ: 'OE',
  œ: 'oe',
  ß: 'ss',
  Þ: 'Th',
  þ: 'th',
  Ð: 'D',
  ð: 'd',
  '\u2010': '-', // hyphen
  '\u2011': '-', // non-breaking hyphen
  '\u2012': '-', // figure dash
  '\u2013': '-', // en dash (only used when the font lacks it)
  '\u2014': '-', // em dash (likewise)
  '\u2015': '-', // horizontal bar
  '\u2212': '-', // minus sign
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': ',',
  '\u201b': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2032': "'",
  '\u2033': '"',
  '\u2026': '...',
  '\u2022': '*',
  '\u00b7': '.',
  '\u00a0': ' ',
};

/** Characters that draw nothing and are dropped: format characters, variation selectors, soft hyphen, emoji modifiers. */
// eslint-disable-next-line no-control-regex -- dropping control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff\u{1f3fb}-\u{1f3ff}\u{e0000}-\u{e0fff}]/gu;
const COMBINING = /\p{M}/gu;

export type CanEncode = (codePoint: number) => boolean;

/** Windows-1252's printable repertoire: what a standard-14 text font with WinAnsiEncoding can draw. */
export const WIN_ANSI_CODE_POINTS: ReadonlySet<number> = new Set<number>([
  ...range(0x20, 0x7e),
  ...range(0xa0, 0xff),
  // 0x80-0x9f in Windows-1252
  0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013,
  0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e, 0x0178,
]);

const winAnsi: CanEncode = (codePoint) => WIN_ANSI_CODE_POINTS.has(codePoint);

/**
 * `text` with every character the font cannot encode transliterated or replaced; `\n` is kept.
 * `canEncode` defaults to Windows-1252; pass the embedded font's own character set to be exact.
 */
export function toEncodable(text: string, canEncode: CanEncode = winAnsi, replacement = '?'): string {
  const input = text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(INVISIBLE, '');
  let out = '';
  for (const char of input) {
    out += encodeChar(char, canEncode, replacement, 0);
  }
  return out;
}

function encodeChar(char: string, canEncode: CanEncode, replacement: string, depth: number): string {
  const codePoint = char.codePointAt(0);
  if (codePoint === undefined) return '';
  if (char === '\n' || canEncode(codePoint)) return char;
  if (depth > 2) return replacement;
  const mapped = EXTRA[char];
  if (mapped !== undefined) return [...mapped].map((c) => encodeChar(c, canEncode, replacement, depth + 1)).join('');
  const decomposed = char.normalize('NFKD').replace(COMBINING, '').replace(INVISIBLE, '');
  if (decomposed === char) return replacement;
  if (decomposed === '') return '';
  return [...decomposed].map((c) => encodeChar(c, canEncode, replacement, depth + 1)).join('');
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}
