/**
 * Reads PDFs the way a person's PDF reader would: with poppler's pdftotext. Deliberately no
 * skipping: without poppler-utils these tests fail and say how to install it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PDFTOTEXT = '/usr/bin/pdftotext';

export function requirePdftotext(): void {
  if (!existsSync(PDFTOTEXT)) {
    throw new Error(`${PDFTOTEXT} is missing: the letter tests read the PDFs with poppler's pdftotext. Install it with: apt-get install -y poppler-utils`);
  }
}

export interface PdfTextOptions {
  /** First and last page (1-based) to extract. */
  first?: number;
  last?: number;
  /** `-bbox`: an XHTML listing of every word with its box, in points from the top left. */
  bbox?: boolean;
}

export function pdfToText(pdf: Uint8Array, options: PdfTextOptions = {}): string {
  requirePdftotext();
  const dir = mkdtempSync(join(tmpdir(), 'letter-pdf-'));
  try {
    const file = join(dir, 'letter.pdf');
    writeFileSync(file, pdf);
    const args = ['-enc', 'UTF-8'];
    if (options.first !== undefined) args.push('-f', String(options.first));
    if (options.last !== undefined) args.push('-l', String(options.last));
    if (options.bbox) args.push('-bbox');
    return execFileSync(PDFTOTEXT, [...args, file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface WordBox {
  page: number;
  word: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word with its page and box (pdftotext -bbox). */
export function pdfWords(pdf: Uint8Array): WordBox[] {
  const xhtml = pdfToText(pdf, { bbox: true });
  const words: WordBox[] = [];
  let page = 0;
  for (const match of xhtml.matchAll(/<page\b|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (match[0] === '<page') {
      page++;
      continue;
    }
    words.push({ page, word: match[5] ?? '', xMin: Number(match[1]), yMin: Number(match[2]), xMax: Number(match[3]), yMax: Number(match[4]) });
  }
  return words;
}

/** Whitespace runs as one space, so wrapped lines compare equal to the source paragraph. */
export const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();
