/**
 * Lays out a letter as an A4 PDF with pdf-lib (pure JavaScript, no browser, no native code).
 *
 * The words are not ours: `text` is the plain-text part of the rendered email (already localised
 * by the template), laid out as it is. Blank lines separate paragraphs; a single line break is
 * kept (address blocks, signatures); lines starting with "* ", "- " or " 1. " are list items with
 * a hanging indent. Paragraphs are wrapped to the text width; pages break automatically without
 * leaving a single line of a paragraph alone, and a short lead-in line ("Dear ...,", "We agreed on
 * the following:", "Yours sincerely,") stays with what follows it. Every page gets a footer with
 * the reference and "page n of m".
 *
 * Fonts: Helvetica and Helvetica-Bold, the PDF standard-14 fonts, which every reader has and
 * which are not embedded (a letter is a few KB). Their WinAnsi encoding covers the languages we
 * answer in (æøå, äöü, õ, š, ž, ß); other characters are transliterated (Ł → L, ř → r) or
 * become '?' (see winansi.ts), so no input makes rendering throw.
 *
 * Deterministic: the same input gives the same bytes (dates come from `generatedAt`, pdf-lib
 * adds no random ids for standard fonts), so the output can be compared in tests.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { toEncodable } from './winansi.ts';

export interface LetterBrand {
  name: string;
  /** The address lines under the name in the letterhead (street, postcode and town, country). */
  postalAddress: string[];
  website?: string | undefined;
  /** The brand colour for the name and the rule, as #rrggbb or #rgb; a dark slate otherwise. */
  colour?: string | undefined;
}

export interface LetterPdfInput {
  /** The document title (PDF metadata), e.g. the email's subject. */
  title: string;
  /** The complaint reference: in every footer and the PDF subject. */
  reference: string;
  /** BCP-47 language of the text (en, da, nb, et, ...): PDF language and the footer's words. */
  locale: string;
  brand: LetterBrand;
  /** The letter as plain text (the email's text part, without the brand's own letterhead/footer). */
  text: string;
  /** ISO-8601 timestamp used as the PDF's creation and modification date. */
  generatedAt: string;
  /**
   * The name the letter is signed with. The last paragraph that starts with it gets room above
   * it for a handwritten signature; without it, the text is laid out as it comes.
   */
  signatory?: string | undefined;
}

/** A4 in PDF points (1/72 inch). */
export const A4 = { width: 595.28, height: 841.89 } as const;

const MM = 72 / 25.4;
const MARGIN_X = 25 * MM;
const MARGIN_TOP = 25 * MM;
const LETTERHEAD_TOP = 18 * MM;
const MARGIN_BOTTOM = 25 * MM;
const FOOTER_BASELINE = 13 * MM;
const TEXT_WIDTH = A4.width - 2 * MARGIN_X;

const BODY_SIZE = 10.5;
const LINE_HEIGHT = 15;
const PARAGRAPH_GAP = 11;
/** Room for a handwritten signature between the sign-off and the signatory's name. */
const SIGNATURE_SPACE = 3 * LINE_HEIGHT;
const LIST_INDENT = 14;
const NAME_SIZE = 17;
const ADDRESS_SIZE = 8.5;
const ADDRESS_LEADING = 11.5;
const FOOTER_SIZE = 8;

const TEXT_COLOUR = rgb(0x1f / 255, 0x29 / 255, 0x33 / 255);
const MUTED_COLOUR = rgb(0x5f / 255, 0x6b / 255, 0x7a / 255);
const FOOTER_RULE_COLOUR = rgb(0xd9 / 255, 0xde / 255, 0xe5 / 255);

/** "page n of m" in the languages we answer in; an unknown language gets the wordless "n / m". */
const PAGE_OF: Readonly<Record<string, (page: number, pages: number) => string>> = {
  en: (n, m) => `Page ${n} of ${m}`,
  da: (n, m) => `Side ${n} af ${m}`,
  nb: (n, m) => `Side ${n} av ${m}`,
  no: (n, m) => `Side ${n} av ${m}`,
  nn: (n, m) => `Side ${n} av ${m}`,
  sv: (n, m) => `Sida ${n} av ${m}`,
  de: (n, m) => `Seite ${n} von ${m}`,
  et: (n, m) => `Lehekülg ${n} / ${m}`,
  fi: (n, m) => `Sivu ${n} / ${m}`,
};

export function pageLabel(locale: string, page: number, pages: number): string {
  const base = locale.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (PAGE_OF[base] ?? ((n: number, m: number) => `${n} / ${m}`))(page, pages);
}

// ---------------------------------------------------------------------------------------------
// Text model: paragraphs of source lines, each a plain line or a list item
// ---------------------------------------------------------------------------------------------

export interface SourceLine {
  text: string;
  /** The list marker ("•", "1.") when the line is a list item. */
  marker?: string;
}

const BULLET = /^\s*[*•\-–]\s+(\S.*)$/u;
const NUMBERED = /^\s+(\d{1,3}[.)])\s+(\S.*)$/u;

/** Splits plain text into paragraphs (blank lines) of lines (single line breaks), list items marked. */
export function parseParagraphs(text: string): SourceLine[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line): SourceLine | undefined => {
          if (!line.trim()) return undefined;
          const bullet = BULLET.exec(line);
          if (bullet?.[1]) return { text: collapse(bullet[1]), marker: '•' };
          const numbered = NUMBERED.exec(line);
          if (numbered?.[1] && numbered[2]) return { text: collapse(numbered[2]), marker: numbered[1] };
          return { text: collapse(line) };
        })
        .filter((line): line is SourceLine => line !== undefined),
    )
    .filter((block) => block.length > 0);
}

/** Runs of spaces and tabs become one space; a no-break space stays (it keeps its words together). */
const collapse = (line: string): string => line.replace(/[ \t\f\v]+/g, ' ').trim();

// ---------------------------------------------------------------------------------------------
// Wrapping
// ---------------------------------------------------------------------------------------------

interface VisualLine {
  text: string;
  indent: number;
  marker?: string;
}

interface Paragraph {
  lines: VisualLine[];
  /** A short lead-in ("Dear ...,", "... the following:"): not left alone at the bottom of a page. */
  keepWithNext: boolean;
  /** Space above the paragraph (when it does not start a page). */
  spaceBefore: number;
}

type Measure = (text: string) => number;

/** Greedy word wrap; a word longer than the width (a URL) is broken between characters. */
export function wrapLine(text: string, width: number, measure: Measure): string[] {
  const words = text.split(' ').filter(Boolean);
  const lines: string[] = [];
  const space = measure(' ');
  let line = '';
  let lineWidth = 0;
  for (const word of words) {
    const wordWidth = measure(word);
    if (line && lineWidth + space + wordWidth <= width) {
      line += ` ${word}`;
      lineWidth += space + wordWidth;
      continue;
    }
    if (line) lines.push(line);
    if (wordWidth <= width) {
      line = word;
      lineWidth = wordWidth;
      continue;
    }
    // break an over-long word into pieces that fit
    let piece = '';
    for (const char of word) {
      if (piece && measure(piece + char) > width) {
        lines.push(piece);
        piece = '';
      }
      piece += char;
    }
    line = piece;
    lineWidth = measure(piece);
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

function layoutParagraphs(blocks: SourceLine[][], measure: Measure, signatory: string | undefined): Paragraph[] {
  const signed = signatory ? collapse(signatory) : '';
  const signatureAt = signed ? blocks.findLastIndex((block) => block[0]?.text === signed) : -1;
  return blocks.map((block, blockIndex) => {
    const lines: VisualLine[] = [];
    for (const source of block) {
      const indent = source.marker ? LIST_INDENT : 0;
      wrapLine(source.text, TEXT_WIDTH - indent, measure).forEach((text, index) => {
        lines.push(index === 0 && source.marker ? { text, indent, marker: source.marker } : { text, indent });
      });
    }
    const only = block.length === 1 && lines.length === 1 ? block[0] : undefined;
    const keepWithNext = only !== undefined && !only.marker && (/[:,]$/.test(only.text) || measure(only.text) < TEXT_WIDTH * 0.4);
    return { lines, keepWithNext, spaceBefore: blockIndex === signatureAt && blockIndex > 0 ? SIGNATURE_SPACE : PARAGRAPH_GAP };
  });
}

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

export async function renderLetterPdf(input: LetterPdfInput): Promise<Uint8Array> {
  const generatedAt = new Date(input.generatedAt);
  if (Number.isNaN(generatedAt.getTime())) throw new RangeError(`generatedAt is not a timestamp: ${JSON.stringify(input.generatedAt)}`);

  const doc = await PDFDocument.create({ updateMetadata: false });
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const drawable = encoderFor(regular);
  const drawableBold = encoderFor(bold);
  const accent = parseColour(input.brand.colour) ?? TEXT_COLOUR;

  doc.setTitle(input.title, { showInWindowTitleBar: true });
  doc.setSubject(input.reference);
  doc.setAuthor(input.brand.name);
  doc.setKeywords([input.reference]);
  doc.setLanguage(input.locale);
  doc.setCreator(`${input.brand.name} complaint responder`);
  doc.setProducer('pdf-lib');
  doc.setCreationDate(generatedAt);
  doc.setModificationDate(generatedAt);

  const measure = measurer(regular, BODY_SIZE);
  const paragraphs = layoutParagraphs(parseParagraphs(drawable(input.text)), measure, input.signatory ? drawable(input.signatory) : undefined);

  const pages: PDFPage[] = [];
  let page = doc.addPage([A4.width, A4.height]);
  pages.push(page);
  /** The top of the next line box. */
  let y = drawLetterhead(page, input.brand, { regular, bold, drawable, drawableBold, accent });
  let fresh = true;

  const newPage = (): void => {
    page = doc.addPage([A4.width, A4.height]);
    pages.push(page);
    y = A4.height - MARGIN_TOP;
    fresh = true;
  };
  const linesLeft = (): number => Math.floor((y - MARGIN_BOTTOM + 0.01) / LINE_HEIGHT);
  const drawLine = (line: VisualLine): void => {
    const baseline = y - BODY_SIZE;
    if (line.marker) page.drawText(line.marker, { x: MARGIN_X + 2, y: baseline, size: BODY_SIZE, font: regular, color: TEXT_COLOUR });
    if (line.text) page.drawText(line.text, { x: MARGIN_X + line.indent, y: baseline, size: BODY_SIZE, font: regular, color: TEXT_COLOUR });
    y -= LINE_HEIGHT;
    fresh = false;
  };
  /** Lines a paragraph needs on this page before it may start here (a chain of lead-ins counts whole). */
  const linesNeeded = (index: number, depth = 0): number => {
    const paragraph = paragraphs[index];
    if (!paragraph) return 0;
    const n = paragraph.lines.length;
    const own = n <= 3 ? n : 2;
    const following = paragraphs[index + 1];
    if (!paragraph.keepWithNext || depth >= 3 || !following) return own;
    return n + Math.ceil(following.spaceBefore / LINE_HEIGHT) + linesNeeded(index + 1, depth + 1);
  };
  const fullPage = Math.floor((A4.height - MARGIN_TOP - MARGIN_BOTTOM) / LINE_HEIGHT);

  paragraphs.forEach((paragraph, index) => {
    if (!fresh) {
      y -= paragraph.spaceBefore;
      const needed = linesNeeded(index);
      if (needed <= fullPage && linesLeft() < needed) newPage();
    }
    const { lines } = paragraph;
    let next = 0;
    while (next < lines.length) {
      const rest = lines.length - next;
      const room = linesLeft();
      let take = Math.min(rest, room);
      if (take < rest) {
        if (rest - take < 2) take = rest - 2; // no single line carried over (widow)
        if (next === 0 && (take < 2 || lines.length <= 3)) take = 0; // no single line left behind (orphan)
        if (take <= 0 && fresh) take = Math.max(1, room); // a page cannot be helped: fill it
      }
      for (const line of lines.slice(next, next + take)) drawLine(line);
      next += Math.max(0, take);
      if (next < lines.length) newPage();
    }
  });

  pages.forEach((p, index) => drawFooter(p, pageLabel(input.locale, index + 1, pages.length), drawable(input.reference), regular));

  return doc.save({ useObjectStreams: true });
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  drawable: (text: string) => string;
  drawableBold: (text: string) => string;
  accent: RGB;
}

/**
 * Brand name (bold, brand colour) on the left; address and website right-aligned beside it, or
 * under it when both do not fit on one row; a thin rule below. Returns where the body starts.
 */
function drawLetterhead(page: PDFPage, brand: LetterBrand, fonts: Fonts): number {
  const top = A4.height - LETTERHEAD_TOP;
  const name = fonts.drawableBold(collapse(brand.name));
  const details = [...brand.postalAddress, ...(brand.website ? [displayUrl(brand.website)] : [])]
    .map((line) => fonts.drawable(collapse(line)))
    .filter(Boolean);
  const measureName = measurer(fonts.bold, NAME_SIZE);
  const measureDetails = measurer(fonts.regular, ADDRESS_SIZE);
  const nameWidth = measureName(name);
  const detailsWidth = Math.max(0, ...details.map(measureDetails));
  const nameLines = wrapLine(name, TEXT_WIDTH, measureName);
  const besides = nameLines.length === 1 && nameWidth + 24 + detailsWidth <= TEXT_WIDTH;

  let nameBottom = top;
  nameLines.forEach((line, index) => {
    const baseline = top - NAME_SIZE * 0.8 - index * NAME_SIZE * 1.2;
    page.drawText(line, { x: MARGIN_X, y: baseline, size: NAME_SIZE, font: fonts.bold, color: fonts.accent });
    nameBottom = baseline - NAME_SIZE * 0.25;
  });

  let baseline = (besides ? top : nameBottom - 6) - ADDRESS_SIZE * 0.8;
  let detailsBottom = nameBottom;
  for (const line of besides ? details : details.flatMap((detail) => wrapLine(detail, TEXT_WIDTH, measureDetails))) {
    const width = measureDetails(line);
    const x = besides ? A4.width - MARGIN_X - width : MARGIN_X;
    page.drawText(line, { x, y: baseline, size: ADDRESS_SIZE, font: fonts.regular, color: MUTED_COLOUR });
    detailsBottom = baseline - ADDRESS_SIZE * 0.25; // below the descenders
    baseline -= ADDRESS_LEADING;
  }
  const ruleY = Math.min(nameBottom, detailsBottom) - 7;
  page.drawLine({ start: { x: MARGIN_X, y: ruleY }, end: { x: A4.width - MARGIN_X, y: ruleY }, thickness: 0.75, color: fonts.accent });
  return ruleY - 12 * MM;
}

function drawFooter(page: PDFPage, label: string, reference: string, font: PDFFont): void {
  const ruleY = FOOTER_BASELINE + FOOTER_SIZE + 5;
  page.drawLine({ start: { x: MARGIN_X, y: ruleY }, end: { x: A4.width - MARGIN_X, y: ruleY }, thickness: 0.5, color: FOOTER_RULE_COLOUR });
  page.drawText(reference, { x: MARGIN_X, y: FOOTER_BASELINE, size: FOOTER_SIZE, font, color: MUTED_COLOUR });
  const encoded = toEncodable(label, codePointsOf(font));
  const width = measurer(font, FOOTER_SIZE)(encoded);
  page.drawText(encoded, { x: A4.width - MARGIN_X - width, y: FOOTER_BASELINE, size: FOOTER_SIZE, font, color: MUTED_COLOUR });
}

/**
 * The width of text as drawn. pdf-lib's widthOfTextAtSize subtracts kerning, but drawText
 * draws without it (a plain Tj), so lines measured that way would run past the margin.
 */
function measurer(font: PDFFont, size: number): Measure {
  const widths = new Map<string, number>();
  return (text) => {
    let total = 0;
    for (const char of text) {
      let width = widths.get(char);
      if (width === undefined) {
        width = font.widthOfTextAtSize(char, size);
        widths.set(char, width);
      }
      total += width;
    }
    return total;
  };
}

const characterSets = new WeakMap<PDFFont, (codePoint: number) => boolean>();
function codePointsOf(font: PDFFont): (codePoint: number) => boolean {
  let known = characterSets.get(font);
  if (!known) {
    const set = new Set(font.getCharacterSet());
    known = (codePoint) => set.has(codePoint);
    characterSets.set(font, known);
  }
  return known;
}

function encoderFor(font: PDFFont): (text: string) => string {
  const canEncode = codePointsOf(font);
  return (text) => toEncodable(text, canEncode);
}

function displayUrl(url: string): string {
  return url.trim().replace(/^https?:\/\//i, '').replace(/\/$/, '');
}

export function parseColour(value: string | undefined): RGB | undefined {
  const match = value ? /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim()) : null;
  const hex = match?.[1];
  if (!hex) return undefined;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const channel = (offset: number): number => Number.parseInt(full.slice(offset, offset + 2), 16) / 255;
  return rgb(channel(0), channel(2), channel(4));
}
