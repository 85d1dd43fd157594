import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { toEncodable, WIN_ANSI_CODE_POINTS } from '#letters/winansi';

describe('toEncodable (standard-14 fonts, WinAnsi)', () => {
  it("matches the character set pdf-lib's Helvetica can encode", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    expect([...WIN_ANSI_CODE_POINTS].sort((a, b) => a - b)).toEqual([...new Set(font.getCharacterSet())].sort((a, b) => a - b));
  });

  it('keeps the letters of the languages we answer in', () => {
    const text = 'Søren Ærø på Åland · Tõnu Šmidt, Žanna · Jürgen Groß · Åsa Öberg · Päivi Kääriäinen – „quoted“ … 12 €';
    expect(toEncodable(text)).toBe(text);
  });

  it('transliterates Latin letters outside WinAnsi instead of failing', () => {
    expect(toEncodable('Łukasz Żółć')).toBe('Lukasz Zólc');
    expect(toEncodable('Řehoř Dvořák, Đorđe, İlkay Işık, Ștefan')).toBe('Rehor Dvorák, Dorde, Ilkay Isik, Stefan');
    expect(toEncodable('ﬁne №5')).toBe('fine No5');
  });

  it('composes decomposed input before deciding (a + combining diaeresis is ä)', () => {
    expect(toEncodable('Ka\u0308a\u0308ria\u0308inen')).toBe('Kääriäinen');
  });

  it('replaces what has no Latin form with ?, drops invisible characters, keeps line breaks', () => {
    expect(toEncodable('王芳')).toBe('??');
    expect(toEncodable('ok 👍🏽 done')).toBe('ok ? done');
    expect(toEncodable('family 👨\u200d👩\u200d👧!')).toBe('family ???!');
    expect(toEncodable('Иван')).toBe('????');
    expect(toEncodable('soft\u00adhyphen\u200bzero\ufeff')).toBe('softhyphenzero');
    expect(toEncodable('a\tb\r\nc\u0007')).toBe('a b\nc');
  });

  it('turns odd spaces into spaces (NFKD), keeps the no-break space WinAnsi has', () => {
    expect(toEncodable('10\u202f000 kr\u2009x')).toBe('10 000 kr x');
    expect(toEncodable('10\u00a0kr')).toBe('10\u00a0kr');
  });

  it('maps typography to ASCII when the font is narrower than WinAnsi', () => {
    const ascii = (codePoint: number): boolean => codePoint >= 0x20 && codePoint < 0x7f;
    expect(toEncodable('„Blåbær“ – ø…', ascii)).toBe('"Blabaer" - o...');
  });
});
