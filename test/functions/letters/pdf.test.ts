import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { A4, pageLabel, parseColour, parseParagraphs, renderLetterPdf, wrapLine, type LetterPdfInput } from '#letters/pdf';
import { pdfToText, pdfWords, requirePdftotext, squash, type WordBox } from './pdftotext.ts';

const MM = 72 / 25.4;

const base: LetterPdfInput = {
  title: 'Resolution of your complaint: Cracked blender jug',
  reference: 'CMP-7F3K2Q',
  locale: 'en',
  brand: { name: 'Nordlys Home', postalAddress: ['Nordlys Home ApS', 'Vestergade 12', '8000 Aarhus C', 'Denmark'], website: 'https://www.example.com', colour: '#1f4e79' },
  text: '14 March 2025\n\nJane Doe\n1 High Street\n\nDear Jane Doe,\n\nA short letter.\n\nYours sincerely,\n\nSam Berg\nCustomer Care Lead',
  generatedAt: '2025-03-14T15:00:00Z',
  signatory: 'Sam Berg',
};

/** Several thousand words, deterministic, with paragraphs, a list and one unbreakable 180-character token. */
function longText(words: number): string {
  const vocabulary = ['replacement', 'jug', 'courier', 'refund', 'shipping', 'blåbær', 'Straße', 'õun', 'warehouse', 'inspection', 'packing', 'the', 'and', 'we', 'agreed', 'that'];
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (let i = 0; i < words; i++) {
    current.push(`${vocabulary[(i * 7) % vocabulary.length]}${i}`);
    if (current.length === 90) {
      paragraphs.push(`${current.join(' ')}.`);
      current = [];
    }
  }
  if (current.length) paragraphs.push(`${current.join(' ')}.`);
  paragraphs.splice(3, 0, ` * first point of the list\n * second point, long enough to wrap onto a second line of the page when it is laid out at this width`);
  paragraphs.splice(5, 0, `https://www.example.com/${'x'.repeat(180)}`);
  return paragraphs.join('\n\n');
}

// No beforeAll: without pdftotext every test that reads a PDF fails (never skips) with the install hint.
it("has poppler's pdftotext to read the PDFs with", () => requirePdftotext());

describe('renderLetterPdf', () => {
  it('makes an A4 PDF with real, extractable text and the metadata set', async () => {
    const pdf = await renderLetterPdf(base);
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect(width).toBeCloseTo(A4.width, 2);
    expect(height).toBeCloseTo(A4.height, 2);
    expect(doc.getTitle()).toBe(base.title);
    expect(doc.getSubject()).toBe('CMP-7F3K2Q');
    expect(doc.getAuthor()).toBe('Nordlys Home');
    expect(doc.getCreationDate()?.toISOString()).toBe('2025-03-14T15:00:00.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2025-03-14T15:00:00.000Z');
    expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('en');

    const text = squash(pdfToText(pdf));
    for (const expected of ['Nordlys Home', 'Vestergade 12', 'www.example.com', '14 March 2025', 'Dear Jane Doe,', 'A short letter.', 'Sam Berg', 'CMP-7F3K2Q', 'Page 1 of 1']) {
      expect(text).toContain(expected);
    }
  });

  it('is deterministic: the same input gives the same bytes', async () => {
    const first = await renderLetterPdf(base);
    const second = await renderLetterPdf(structuredClone(base));
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const later = await renderLetterPdf({ ...base, generatedAt: '2025-03-15T15:00:00Z' });
    expect(Buffer.from(first).equals(Buffer.from(later))).toBe(false);
  });

  it('paginates several thousand words, every page with the footer, nothing lost and nothing outside the margins', async () => {
    const body = longText(4000);
    const pdf = await renderLetterPdf({ ...base, text: `Dear Jane Doe,\n\n${body}\n\nYours sincerely,\n\nSam Berg` });
    const doc = await PDFDocument.load(pdf);
    const pages = doc.getPageCount();
    expect(pages).toBeGreaterThanOrEqual(5);
    for (const page of doc.getPages()) {
      expect(page.getSize()).toEqual({ width: A4.width, height: A4.height });
    }

    const bodies: string[] = [];
    for (let page = 1; page <= pages; page++) {
      const text = pdfToText(pdf, { first: page, last: page });
      expect(text, `footer on page ${page}`).toContain('CMP-7F3K2Q');
      expect(text, `footer on page ${page}`).toContain(`Page ${page} of ${pages}`);
      bodies.push(text.replace('CMP-7F3K2Q', '').replace(`Page ${page} of ${pages}`, ''));
    }
    // every word arrives, in order, across the page breaks (the long token is broken, not cut)
    const flat = (text: string): string => text.replace(/\s+/g, '').replace(/\*/g, '•');
    expect(flat(bodies.join('\n'))).toContain(flat(body));

    const words = pdfWords(pdf);
    const left = 25 * MM - 0.5;
    const right = A4.width - 25 * MM + 0.5;
    for (const word of words) {
      expect(word.xMin, `${word.word} on page ${word.page}`).toBeGreaterThanOrEqual(left);
      expect(word.xMax, `${word.word} on page ${word.page}`).toBeLessThanOrEqual(right);
    }
    // body text stays above the bottom margin; only the footer lives below it
    const belowMargin = words.filter((word) => word.yMax > A4.height - 25 * MM + 0.5);
    expect(new Set(belowMargin.map((word) => word.word))).toEqual(new Set(['CMP-7F3K2Q', 'Page', 'of', ...Array.from({ length: pages }, (_, i) => String(i + 1))]));
    // continuation pages start at the top margin
    const secondPageTop = Math.min(...words.filter((word) => word.page === 2).map((word) => word.yMin));
    expect(secondPageTop).toBeGreaterThan(25 * MM - 2);
    expect(secondPageTop).toBeLessThan(25 * MM + 15);
  });

  it('never leaves a single line of a paragraph alone at the top or bottom of a page', async () => {
    // paragraphs of 2 to 14 lines, shifted by a few lines each time, so the page breaks fall everywhere
    const sizes = [40, 20, 110, 25, 70, 14, 55, 95, 30, 120, 18, 65];
    const paragraphs = Array.from({ length: 36 }, (_, index) => {
      const size = sizes[index % sizes.length] ?? 40;
      return Array.from({ length: size }, (_, word) => `word${index}x${word}`).join(' ');
    });
    let checked = 0;
    for (let shift = 0; shift < 6; shift++) {
      const text = [...Array.from({ length: shift }, (_, i) => `Line ${i} of a short opening paragraph that fills exactly one line.`), ...paragraphs].join('\n\n');
      checked += checkBreaks(pdfWords(await renderLetterPdf({ ...base, text })));
    }
    expect(checked).toBeGreaterThan(20);
  });

  /** Checks the first and last paragraph of every page; returns how many page breaks it looked at. */
  function checkBreaks(words: WordBox[]): number {
    const pages = Math.max(...words.map((word) => word.page));
    expect(pages).toBeGreaterThan(3);
    const firstBodyLine = 70; // below the letterhead rule on page 1, in points from the top
    for (let page = 1; page <= pages; page++) {
      const lines = [...new Set(words.filter((word) => word.page === page && word.yMin > (page === 1 ? 150 : firstBodyLine) && word.yMax < A4.height - 25 * MM).map((word) => word.yMin))].sort((a, b) => a - b);
      // paragraphs: lines one line-height (15 pt) apart; a paragraph gap makes it 26
      const blocks: number[][] = [];
      lines.forEach((y, index) => {
        const previous = lines[index - 1];
        if (previous === undefined || y - previous > 20) blocks.push([y]);
        else blocks.at(-1)?.push(y);
      });
      if (page > 1) expect(blocks[0]?.length, `first paragraph on page ${page}`).toBeGreaterThanOrEqual(2);
      if (page < pages) expect(blocks.at(-1)?.length, `last paragraph on page ${page}`).toBeGreaterThanOrEqual(2);
    }
    return pages - 1;
  }

  it('leaves room for a handwritten signature above the signatory', async () => {
    const words = pdfWords(await renderLetterPdf(base));
    const signOff = words.find((word) => word.word === 'sincerely,');
    const name = words.find((word) => word.word === 'Berg');
    expect(signOff && name && name.yMin - signOff.yMin).toBeGreaterThanOrEqual(3 * 15);
    const unsigned = pdfWords(await renderLetterPdf({ ...base, signatory: undefined }));
    const plainSignOff = unsigned.find((word) => word.word === 'sincerely,');
    const plainName = unsigned.find((word) => word.word === 'Berg');
    expect(plainSignOff && plainName && plainName.yMin - plainSignOff.yMin).toBeLessThan(30);
  });

  it('draws what WinAnsi cannot encode as transliteration or ?, without throwing', async () => {
    const pdf = await renderLetterPdf({
      ...base,
      title: 'Łukasz Żółć / 王芳',
      brand: { ...base.brand, name: 'Nordlys Høme Łódź' },
      text: 'Dear Łukasz Żółć,\n\ncc: 王芳 👍\n\nŘehoř says: Иван',
      signatory: '王芳',
    });
    const text = squash(pdfToText(pdf));
    expect(text).toContain('Dear Lukasz Zólc,');
    expect(text).toContain('Nordlys Høme Lódz');
    expect(text).toContain('cc: ?? ?');
    expect(text).toContain('Rehor says: ????');
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Łukasz Żółć / 王芳'); // metadata is UTF-16: kept as it is
  });

  it('renders an empty text as a letterhead and footer', async () => {
    const text = squash(pdfToText(await renderLetterPdf({ ...base, text: '' })));
    expect(text).toContain('Nordlys Home');
    expect(text).toContain('Page 1 of 1');
  });

  it('stacks the address under a brand name too wide to share the row', async () => {
    const pdf = await renderLetterPdf({ ...base, brand: { ...base.brand, name: 'Nordlys Home and Garden Furniture Scandinavia' } });
    const words = pdfWords(pdf);
    const name = words.find((word) => word.word === 'Nordlys');
    const street = words.find((word) => word.word === 'Vestergade');
    expect(name && street && street.yMin > name.yMax).toBe(true);
    expect(street?.xMin).toBeCloseTo(25 * MM, 0);
  });

  it('keeps an over-long letterhead inside the margins, and copes with an empty brand', async () => {
    const long = 'Nordlys Home Scandinavia Furniture and Garden Supplies International Holding';
    const words = pdfWords(await renderLetterPdf({ ...base, brand: { name: long, postalAddress: [`${'Vestergade '.repeat(12)}12`], website: `https://www.example.com/${'a'.repeat(150)}` } }));
    for (const word of words) expect(word.xMax, word.word).toBeLessThanOrEqual(A4.width - 25 * MM + 0.5);
    const text = squash(pdfToText(await renderLetterPdf({ ...base, brand: { name: '', postalAddress: [] } })));
    expect(text).toContain('Dear Jane Doe,');
  });

  it('rejects a generatedAt that is not a timestamp', async () => {
    await expect(renderLetterPdf({ ...base, generatedAt: 'yesterday' })).rejects.toThrow(/generatedAt/);
  });
});

describe('layout pieces', () => {
  const byLength = (text: string): number => text.length;

  it('wraps on spaces, never past the width, and breaks a word longer than the line', () => {
    const lines = wrapLine('the quick brown fox jumps over the lazy dog', 10, byLength);
    expect(lines).toEqual(['the quick', 'brown fox', 'jumps over', 'the lazy', 'dog']);
    expect(wrapLine('abcdefghijklmnopqrstuvwxyz end', 10, byLength)).toEqual(['abcdefghij', 'klmnopqrst', 'uvwxyz end']);
    expect(wrapLine('', 10, byLength)).toEqual(['']);
  });

  it('reads paragraphs, line breaks and list items from plain text', () => {
    expect(parseParagraphs('14. marts 2025\n\nSøren\nØstergade 3\n\n\nSince then:\n\n * 5 March: photo\n - 6 March: call\n  2. numbered\n\n  \n')).toEqual([
      [{ text: '14. marts 2025' }],
      [{ text: 'Søren' }, { text: 'Østergade 3' }],
      [{ text: 'Since then:' }],
      [
        { text: '5 March: photo', marker: '•' },
        { text: '6 March: call', marker: '•' },
        { text: 'numbered', marker: '2.' },
      ],
    ]);
  });

  it('says "page n of m" in the letter language', () => {
    expect(pageLabel('en', 1, 2)).toBe('Page 1 of 2');
    expect(pageLabel('da-DK', 2, 3)).toBe('Side 2 af 3');
    expect(pageLabel('nb', 1, 1)).toBe('Side 1 av 1');
    expect(pageLabel('et', 1, 4)).toBe('Lehekülg 1 / 4');
    expect(pageLabel('xx', 1, 4)).toBe('1 / 4');
  });

  it('reads brand colours', () => {
    expect(parseColour('#1f4e79')).toEqual({ type: 'RGB', red: 0x1f / 255, green: 0x4e / 255, blue: 0x79 / 255 });
    expect(parseColour('fff')).toEqual({ type: 'RGB', red: 1, green: 1, blue: 1 });
    expect(parseColour('red')).toBeUndefined();
    expect(parseColour(undefined)).toBeUndefined();
  });
});
