/**
 * The resolution letter as a PDF: the same words as the resolution-letter email.
 *
 * One source of words: the template is rendered exactly as for the email and its text part is
 * laid out by renderLetterPdf. The only thing taken away is the brand block the text part repeats
 * at its top (letterhead) and bottom (the email's footer), because the PDF draws its own
 * letterhead from the same brand data; if an admin changes those blocks so they no longer match
 * the brand exactly, they are left in (repeated, never lost).
 *
 * Kept apart from pdf.ts so the layout module does not pull in the compiled templates.
 */
import { renderEmail, type BrandContext, type ResolutionLetterContext } from '#templates/render';
import { renderLetterPdf } from './pdf.ts';

export interface ResolutionLetterPdfOptions {
  /** The complaint's language; falls back like the email does. */
  locale: string;
  fallbackLocale: string;
  /** IANA time zone for the dates in the letter (default: the templates' brand time zone). */
  timeZone?: string | undefined;
  /** Brand colour for the letterhead (#rrggbb). */
  colour?: string | undefined;
  /** The PDF's creation date; default the letter's date, so the same letter gives the same bytes. */
  generatedAt?: string | undefined;
}

export interface ResolutionLetterPdf {
  pdf: Uint8Array;
  /** The locale the letter was written in, after fallback (the same as the email's). */
  locale: string;
  /** e.g. CMP-7F3K2Q-resolution-letter.pdf */
  filename: string;
  /** The PDF's title: the email's subject. */
  title: string;
}

export async function resolutionLetterPdf(context: ResolutionLetterContext, options: ResolutionLetterPdfOptions): Promise<ResolutionLetterPdf> {
  const rendered = renderEmail('resolution-letter', context, {
    locale: options.locale,
    fallbackLocale: options.fallbackLocale,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
  const pdf = await renderLetterPdf({
    title: rendered.subject,
    reference: context.complaint.reference,
    locale: rendered.locale,
    brand: { name: context.brand.name, postalAddress: context.brand.postalAddress, website: context.brand.website, colour: options.colour },
    text: letterBody(rendered.text, context.brand),
    generatedAt: options.generatedAt ?? context.letter.date,
    signatory: context.signatory.name,
  });
  return { pdf, locale: rendered.locale, filename: letterFilename(context.complaint.reference), title: rendered.subject };
}

/** CMP-7F3K2Q → CMP-7F3K2Q-resolution-letter.pdf (anything but letters, digits, - and _ dropped). */
export function letterFilename(reference: string): string {
  const safe = reference.replace(/[^A-Za-z0-9_-]+/g, '');
  return `${safe || 'letter'}-resolution-letter.pdf`;
}

const norm = (line: string): string => line.replace(/\s+/g, ' ').trim();

/**
 * The email's text part without the brand blocks the PDF letterhead replaces: a first paragraph
 * that is exactly the brand name and postal address lines, and a last paragraph that starts with
 * the brand name followed only by the address (in any separator) and the website.
 */
export function letterBody(text: string, brand: Pick<BrandContext, 'name' | 'postalAddress' | 'website'>): string {
  const paragraphs = text.replace(/\r\n?/g, '\n').trim().split(/\n[ \t]*\n/);
  const name = norm(brand.name);
  const address = brand.postalAddress.map(norm).filter(Boolean);
  const website = brand.website ? norm(brand.website) : undefined;

  const linesOf = (paragraph: string | undefined): string[] => (paragraph ?? '').split('\n').map(norm).filter(Boolean);
  const first = linesOf(paragraphs[0]);
  if (first.length === address.length + 1 && first[0] === name && address.every((line, index) => first[index + 1] === line)) paragraphs.shift();

  const last = linesOf(paragraphs.at(-1));
  const isWebsite = (line: string): boolean => website !== undefined && (line === website || line === website.replace(/^https?:\/\//i, '').replace(/\/$/, ''));
  if (paragraphs.length > 1 && last.length > 1 && last[0] === name && last.slice(1).every((line) => isWebsite(line) || isAddressLine(line, address))) paragraphs.pop();

  return paragraphs.join('\n\n');
}

/** The address parts in order on one line, with any separators (" · ", ", ", " | ") between them. */
function isAddressLine(line: string, address: string[]): boolean {
  if (address.length === 0) return false;
  let rest = line;
  for (const part of address) {
    if (!rest.startsWith(part)) return false;
    rest = rest.slice(part.length).replace(/^\s*[·•,|–-]?\s*/u, '');
  }
  return rest === '';
}
