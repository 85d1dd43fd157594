import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { A4 } from '#letters/pdf';
import { letterBody, letterFilename, resolutionLetterPdf } from '#letters/resolution-letter';
import { renderEmail, type ResolutionLetterContext } from '#templates/render';
import { pdfToText, requirePdftotext, squash } from './pdftotext.ts';

const brand: ResolutionLetterContext['brand'] = {
  name: 'Nordlys Home',
  postalAddress: ['Nordlys Home ApS', 'Vestergade 12', '8000 Aarhus C', 'Denmark'],
  website: 'https://www.example.com',
  signOff: 'Customer Care',
};

interface Case {
  context: ResolutionLetterContext;
  /** What must appear in the PDF, as the customer would read it. */
  expected: {
    apology: string;
    letterDate: string;
    receivedDate: string;
    contactDates: [string, string];
    unicode: string[];
  };
}

const common = {
  brand,
  letter: { date: '2025-03-14T15:00:00Z' },
  signatory: { name: 'Sam Berg', title: 'Customer Care Lead' },
} as const;

const CASES: Record<'en' | 'da' | 'nb' | 'et', Case> = {
  en: {
    context: {
      ...common,
      customer: { name: 'Margaret O’Neill', postalAddress: ['14 Mill Lane', 'Leeds LS1 4AB', 'United Kingdom'] },
      complaint: { reference: 'CMP-7F3K2Q', subject: 'Cracked blender jug', receivedAt: '2025-03-03T09:12:00Z', summary: 'The blender jug arrived cracked and leaked on first use.' },
      letter: { date: common.letter.date, cc: [{ name: 'Jürgen Groß', role: 'Head of Quality' }, { name: 'Åsa Öberg' }] },
      contacts: [
        { date: '2025-03-05T10:00:00Z', summary: 'We asked for a photo of the jug.' },
        { date: '2025-03-10T14:30:00Z', summary: 'We offered a replacement jug and a refund of the shipping costs.' },
      ],
      resolution: {
        agreement: 'We sent you a new jug by express courier, and we refunded the shipping costs of £4.95 to your card.',
        prevention: 'Every jug is now checked for cracks at the warehouse before it is packed.',
      },
    },
    expected: {
      apology: 'Once again, we apologise for the inconvenience and frustration this caused you.',
      letterDate: '14 March 2025',
      receivedDate: '3 March 2025',
      contactDates: ['5 March 2025', '10 March 2025'],
      unicode: ['Jürgen Groß', 'Åsa Öberg', 'O’Neill', '£4.95'],
    },
  },
  da: {
    context: {
      ...common,
      customer: { name: 'Søren Ærø Kjær', postalAddress: ['Østergade 3, 2. th.', '8000 Aarhus C'] },
      complaint: { reference: 'CMP-9DK2ZX', subject: 'Revnet blenderkande', receivedAt: '2025-03-03T09:12:00Z', summary: 'Blenderkanden var revnet ved levering og lækkede første gang.' },
      letter: { date: common.letter.date, cc: [{ name: 'Mette Ødegård', role: 'Kvalitetschef' }, { name: 'Bjørn Åberg' }] },
      contacts: [
        { date: '2025-03-05T10:00:00Z', summary: 'Vi bad om et foto af kanden.' },
        { date: '2025-03-10T14:30:00Z', summary: 'Vi tilbød en ny kande og refusion af fragten.' },
      ],
      resolution: {
        agreement: 'Vi har sendt dig en ny kande med ekspreskurér og refunderet fragten på 39,95 kr. til dit kort.',
        prevention: 'Alle kander bliver nu kontrolleret for revner på lageret, før de pakkes.',
      },
    },
    expected: {
      apology: 'Vi beklager endnu en gang de gener og den frustration, sagen har givet dig.',
      letterDate: '14. marts 2025',
      receivedDate: '3. marts 2025',
      contactDates: ['5. marts 2025', '10. marts 2025'],
      unicode: ['Søren Ærø Kjær', 'Østergade', 'Mette Ødegård', 'lækkede', 'før'],
    },
  },
  nb: {
    context: {
      ...common,
      customer: { name: 'Åse Bjørnstad', postalAddress: ['Storgata 5', '0155 Oslo'] },
      complaint: { reference: 'CMP-4NB7QW', subject: 'Sprukken mikserkanne', receivedAt: '2025-03-03T09:12:00Z', summary: 'Mikserkannen kom sprukket og lakk første gang jeg brukte den.' },
      letter: { date: common.letter.date, cc: [{ name: 'Kåre Sæther', role: 'Kvalitetsleder' }, { name: 'Øystein Lie' }] },
      contacts: [
        { date: '2025-03-05T10:00:00Z', summary: 'Vi ba om et bilde av kannen.' },
        { date: '2025-03-10T14:30:00Z', summary: 'Vi tilbød ny kanne og refusjon av frakten.' },
      ],
      resolution: {
        agreement: 'Vi har sendt deg en ny kanne med ekspress, og frakten på 49 kr er betalt tilbake til kortet ditt.',
        prevention: 'Alle kanner blir nå sjekket for sprekker på lageret før de pakkes.',
      },
    },
    expected: {
      apology: 'Vi beklager igjen ulempene og bryderiet dette har påført deg.',
      letterDate: '14. mars 2025',
      receivedDate: '3. mars 2025',
      contactDates: ['5. mars 2025', '10. mars 2025'],
      unicode: ['Åse Bjørnstad', 'Kåre Sæther', 'Øystein Lie', 'første', 'nå'],
    },
  },
  et: {
    context: {
      ...common,
      customer: { name: 'Tõnu Šmidt', postalAddress: ['Pärnu mnt 12', '10148 Tallinn'] },
      complaint: { reference: 'CMP-E5TQ8M', subject: 'Mõranenud blenderikann', receivedAt: '2025-03-03T09:12:00Z', summary: 'Blenderikann oli kohale jõudes mõranenud ja lekkis esimesel kasutamisel.' },
      letter: { date: common.letter.date, cc: [{ name: 'Žanna Õunapuu', role: 'Kvaliteedijuht' }, { name: 'Jüri Küüts' }] },
      contacts: [
        { date: '2025-03-05T10:00:00Z', summary: 'Palusime kannust fotot.' },
        { date: '2025-03-10T14:30:00Z', summary: 'Pakkusime uut kannu ja saatekulude hüvitamist.' },
      ],
      resolution: {
        agreement: 'Saatsime Teile kiirkulleriga uue kannu ja hüvitasime saatekulud 4,95 € Teie kaardile.',
        prevention: 'Kõiki kanne kontrollitakse nüüd laos enne pakkimist mõrade suhtes.',
      },
    },
    expected: {
      apology: 'Vabandame veel kord ebamugavuste ja pahameele pärast, mida see Teile põhjustas.',
      letterDate: '14. märts 2025',
      receivedDate: '3. märts 2025',
      contactDates: ['5. märts 2025', '10. märts 2025'],
      unicode: ['Tõnu Šmidt', 'Žanna Õunapuu', 'Jüri Küüts', 'jõudes', 'hüvitasime', '4,95 €'],
    },
  },
};

// No beforeAll: without pdftotext every test that reads a PDF fails (never skips) with the install hint.
it("has poppler's pdftotext to read the PDFs with", () => requirePdftotext());

describe('resolutionLetterPdf', () => {
  for (const [locale, { context, expected }] of Object.entries(CASES)) {
    describe(locale, () => {
      it('holds the whole letter: reference, dates, problem, contacts, agreement, apology, prevention, signatory, cc', async () => {
        const result = await resolutionLetterPdf(context, { locale, fallbackLocale: 'en' });
        expect(result.locale).toBe(locale);
        expect(result.filename).toBe(`${context.complaint.reference}-resolution-letter.pdf`);

        const text = squash(pdfToText(result.pdf));
        const mustContain = [
          context.complaint.reference,
          expected.letterDate,
          expected.receivedDate,
          context.complaint.summary,
          ...context.contacts.map((contact, index) => `${expected.contactDates[index]}: ${contact.summary}`),
          context.resolution.agreement,
          expected.apology,
          context.resolution.prevention,
          context.signatory.name,
          `${context.signatory.title}, ${brand.name}`,
          ...context.letter.cc.map((cc) => cc.name),
          context.customer.name,
          ...(context.customer.postalAddress ?? []),
          ...expected.unicode,
        ];
        for (const fragment of mustContain) expect(text, `${locale}: ${fragment}`).toContain(fragment);
      });

      it('says what the email says: every paragraph of the text part is in the PDF', async () => {
        const email = renderEmail('resolution-letter', context, { locale, fallbackLocale: 'en' });
        const text = squash(pdfToText((await resolutionLetterPdf(context, { locale, fallbackLocale: 'en' })).pdf));
        const paragraphs = letterBody(email.text, context.brand)
          .split(/\n\s*\n/)
          .map((paragraph) => squash(paragraph.replace(/^\s*\*\s+/gm, '• ')))
          .filter(Boolean);
        expect(paragraphs.length).toBeGreaterThan(10);
        for (const paragraph of paragraphs) expect(text).toContain(paragraph);
        // the brand's address appears once (the letterhead), not three times
        expect(text.split('Vestergade 12').length - 1).toBe(1);
      });

      it('is A4 and carries the email subject, the reference and the letter date as metadata', async () => {
        const result = await resolutionLetterPdf(context, { locale, fallbackLocale: 'en' });
        const doc = await PDFDocument.load(result.pdf, { updateMetadata: false });
        expect(doc.getPageCount()).toBeGreaterThan(0);
        for (const page of doc.getPages()) {
          expect(page.getWidth()).toBeCloseTo(A4.width, 2);
          expect(page.getHeight()).toBeCloseTo(A4.height, 2);
        }
        const email = renderEmail('resolution-letter', context, { locale, fallbackLocale: 'en' });
        expect(doc.getTitle()).toBe(email.subject);
        expect(result.title).toBe(email.subject);
        expect(doc.getSubject()).toBe(context.complaint.reference);
        expect(doc.getCreationDate()?.toISOString()).toBe('2025-03-14T15:00:00.000Z');
      });
    });
  }

  it('gives the same bytes for the same letter (generatedAt defaults to the letter date)', async () => {
    const { context } = CASES.da;
    const first = await resolutionLetterPdf(context, { locale: 'da', fallbackLocale: 'en' });
    const second = await resolutionLetterPdf(structuredClone(context), { locale: 'da', fallbackLocale: 'en' });
    expect(Buffer.from(first.pdf).equals(Buffer.from(second.pdf))).toBe(true);
  });

  it('falls back like the email: a Finnish complaint gets the English letter, Finnish names intact', async () => {
    const context: ResolutionLetterContext = { ...CASES.en.context, customer: { name: 'Päivi Kääriäinen' } };
    const result = await resolutionLetterPdf(context, { locale: 'fi', fallbackLocale: 'en' });
    expect(result.locale).toBe('en');
    const text = squash(pdfToText(result.pdf));
    expect(text).toContain('Dear Päivi Kääriäinen,');
    expect(text).toContain('Page 1 of 1');
  });

  it('paginates a very long agreement, with the footer on every page', async () => {
    const agreement = Array.from({ length: 40 }, (_, paragraph) =>
      Array.from({ length: 100 }, (_, word) => ['vi', 'aftalte', 'at', 'kanden', 'erstattes', 'og', 'fragten', 'refunderes', 'før', 'påske'][(paragraph + word) % 10]).join(' '),
    ).join('\n\n');
    const context: ResolutionLetterContext = { ...CASES.da.context, resolution: { ...CASES.da.context.resolution, agreement } };
    const { pdf } = await resolutionLetterPdf(context, { locale: 'da', fallbackLocale: 'en' });
    const pages = (await PDFDocument.load(pdf)).getPageCount();
    expect(pages).toBeGreaterThan(4);
    for (let page = 1; page <= pages; page++) {
      const text = squash(pdfToText(pdf, { first: page, last: page }));
      expect(text).toContain('CMP-9DK2ZX');
      expect(text).toContain(`Side ${page} af ${pages}`);
    }
    const all = squash(pdfToText(pdf));
    expect(all).toContain('Mette Ødegård'); // the cc line made it to the last page
    expect(all).toContain(CASES.da.expected.apology);
  });

  it('does not throw on names outside WinAnsi (Polish, Chinese, emoji)', async () => {
    const context: ResolutionLetterContext = {
      ...CASES.en.context,
      customer: { name: 'Łukasz Żółć', postalAddress: ['ul. Długa 5', '00-238 Warszawa'] },
      letter: { date: '2025-03-14T15:00:00Z', cc: [{ name: '王芳', role: 'Quality 👍' }] },
    };
    const result = await resolutionLetterPdf(context, { locale: 'en', fallbackLocale: 'en' });
    const text = squash(pdfToText(result.pdf));
    expect(text).toContain('Dear Lukasz Zólc,');
    expect(text).toContain('ul. Dluga 5');
    expect(text).toContain('cc: ??, Quality ?');
  });
});

describe('letterBody', () => {
  it("drops the text part's own letterhead and footer: the PDF draws its own", () => {
    const email = renderEmail('resolution-letter', CASES.en.context, { locale: 'en', fallbackLocale: 'en' });
    expect(email.text.startsWith('Nordlys Home\nNordlys Home ApS\n')).toBe(true);
    const body = letterBody(email.text, brand);
    expect(body.startsWith('14 March 2025\n\n')).toBe(true);
    expect(body.endsWith('cc: Jürgen Groß, Head of Quality; Åsa Öberg')).toBe(true);
  });

  it('leaves blocks alone that do not match the brand exactly (repeated, never lost)', () => {
    const text = 'Nordlys Home\nSomewhere else 1\n\nDear Jane,\n\nBody.\n\nNordlys Home\nOther Street · Town';
    expect(letterBody(text, brand)).toBe(text);
    expect(letterBody('Nordlys Home\n\nOnly a name', { ...brand, postalAddress: [] })).toBe('Only a name');
  });

  it('accepts the footer with any separator and the website with or without https', () => {
    const text = 'Dear Jane,\n\nBody.\n\nNordlys Home\nNordlys Home ApS, Vestergade 12, 8000 Aarhus C, Denmark\nwww.example.com\n';
    expect(letterBody(text, brand)).toBe('Dear Jane,\n\nBody.');
  });
});

describe('letterFilename', () => {
  it('names the file after the reference, safely', () => {
    expect(letterFilename('CMP-7F3K2Q')).toBe('CMP-7F3K2Q-resolution-letter.pdf');
    expect(letterFilename('../CMP 7F/3K2Q')).toBe('CMP7F3K2Q-resolution-letter.pdf');
    expect(letterFilename('')).toBe('letter-resolution-letter.pdf');
  });
});
