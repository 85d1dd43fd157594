import { describe, expect, it } from 'vitest';
import {
  acknowledgementContextSchema,
  EMAIL_KINDS,
  emailContextSchemas,
  renderEmail,
  resolveTemplateLocale,
  TEMPLATE_LOCALES,
  TemplateContextError,
  type AcknowledgementContext,
  type EmailKind,
} from '#templates/render';
import { HOSTILE_TEXT, sampleContexts } from '#templates/sample-data';

const LOCALES = ['en', 'da', 'nb', 'et'] as const;

function render<K extends EmailKind>(kind: K, locale: string, patch?: (context: (typeof sampleContexts)[K]) => void) {
  const context = structuredClone(sampleContexts[kind]);
  patch?.(context);
  return renderEmail(kind, context, { locale, fallbackLocale: 'en' });
}

describe('every template × locale', () => {
  it('ships the four locales', () => {
    expect([...TEMPLATE_LOCALES].sort()).toEqual([...LOCALES].sort());
  });

  for (const kind of EMAIL_KINDS) {
    for (const locale of LOCALES) {
      it(`${kind}/${locale} renders subject, HTML and text with no template syntax left`, () => {
        const email = render(kind, locale);
        expect(email.kind).toBe(kind);
        expect(email.locale).toBe(locale);
        expect(email.subject.length).toBeGreaterThan(5);
        expect(email.subject).not.toMatch(/[\r\n]/);
        expect(email.html).toMatch(/^<!doctype html>/i);
        expect(email.html).toContain(`lang="${locale}"`);
        expect(email.html).toContain(sampleContexts[kind].brand.name);
        for (const output of [email.subject, email.text, email.html.replace(/<style[\s\S]*?<\/style>/g, '')]) {
          expect(output).not.toContain('{{');
          expect(output).not.toContain('}}');
          expect(output).not.toMatch(/[\u0001\u0002]/);
        }
        expect(email.text).not.toMatch(/<\/?(?:p|div|br|span|a|strong|b|td|tr|table|ul|li|img|style|mj-[a-z]+)\b[^>]*>/i);
        expect(email.text).not.toMatch(/\n{3,}/);
        expect(email.text.trim().length).toBeGreaterThan(80);
      });
    }
  }

  it('keeps the complaint reference visible in every customer email', () => {
    for (const kind of ['acknowledgement', 'follow-up', 'agent-reply', 'resolution-letter', 'feedback-request', 'thank-you'] as const) {
      for (const locale of LOCALES) {
        const email = render(kind, locale);
        expect(email.text, `${kind}/${locale}`).toContain('CMP-7K3QX9');
        expect(email.html, `${kind}/${locale}`).toContain('CMP-7K3QX9');
      }
    }
  });

  it('states the SLA times from the context, in words of the locale', () => {
    const expectations: Record<(typeof LOCALES)[number], string[]> = {
      en: ['8 hours', '5 days', '10 March 2025', '15 March 2025'],
      da: ['8 timer', '5 dage', '10. marts 2025', '15. marts 2025'],
      nb: ['8 timer', '5 dager', '10. mars 2025', '15. mars 2025'],
      et: ['8 tundi', '5 päeva', '10. märts 2025', '15. märts 2025'],
    };
    for (const locale of LOCALES) {
      const email = render('acknowledgement', locale);
      for (const phrase of expectations[locale]) expect(email.text, locale).toContain(phrase);
    }
  });

  it('writes each locale natively (no English leaking into the other locales)', () => {
    const strings = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(strings) : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];
    for (const kind of EMAIL_KINDS) {
      const english = render(kind, 'en').text;
      // the sample data is English; only the template's own words count
      const sampleText = strings(sampleContexts[kind]).sort((a, b) => b.length - a.length);
      for (const locale of ['da', 'nb', 'et'] as const) {
        const text = sampleText.reduce((out, value) => out.split(value).join(' '), render(kind, locale).text);
        expect(text).not.toBe(english);
        expect(text, `${kind}/${locale}`).not.toMatch(/\b(?:Dear|Thank you|Kind regards|Your reference)\b/);
      }
    }
  });
});

describe('the resolution letter (block format)', () => {
  it('has letterhead, date, recipient, reference, the problem, contacts, agreement, apology, thanks, prevention, hope, sign-off and cc in order', () => {
    const { text } = render('resolution-letter', 'en');
    const order = [
      'Nordlys Home ApS',
      '14 March 2025',
      'Søndergade 4',
      'Your complaint: Sofa delivered with a torn cushion',
      'Our reference: CMP-7K3QX9',
      '10 cm tear',
      '10 March 2025: Mikkel Sørensen',
      'A new cushion cover',
      'we apologise',
      'Thank you for raising it',
      'second protective layer',
      'We value you as a customer',
      'Yours sincerely',
      'Lene Holm',
      'cc: Lene Holm, Head of Customer Care; Warehouse Aarhus',
    ];
    let at = -1;
    for (const part of order) {
      const next = text.indexOf(part, at + 1);
      expect(next, `"${part}" after position ${at}`).toBeGreaterThan(at);
      at = next;
    }
  });

  it('leaves out the contacts and the cc line when there are none', () => {
    const { text } = render('resolution-letter', 'en', (context) => {
      context.contacts = [];
      context.letter.cc = [];
    });
    expect(text).not.toContain('in touch as follows');
    expect(text).not.toContain('cc:');
  });
});

describe('optional values never leave half a sentence', () => {
  it('follow-up without note or next update date, and when overdue', () => {
    const email = render('follow-up', 'en', (context) => {
      context.progress = { overdue: true };
    });
    expect(email.text).toContain('we have not managed it');
    expect(email.text).toContain('We will write again as soon as there is news.');
    expect(email.text).not.toContain('latest from our team');
    expect(email.text).not.toMatch(/ {2,}|^ /m);
  });

  it('greets politely when the customer gave no name, and drops the empty subject', () => {
    const email = render('acknowledgement', 'en', (context) => {
      context.customer.name = '';
      context.complaint.subject = '';
    });
    expect(email.text.startsWith('Hello,')).toBe(true);
    expect(email.subject).toBe('We have received your message');
    expect(email.text).not.toContain('“”');
  });
});

describe('locale fallback chain', () => {
  it('uses the complaint language, its base language, aliases, then the configured default, then en', () => {
    expect(render('acknowledgement', 'da').locale).toBe('da');
    expect(render('acknowledgement', 'da-DK').locale).toBe('da');
    expect(render('acknowledgement', 'NB_no').locale).toBe('nb');
    expect(render('acknowledgement', 'no').locale).toBe('nb');
    expect(renderEmail('acknowledgement', sampleContexts.acknowledgement, { locale: 'fr', fallbackLocale: 'et' }).locale).toBe('et');
    expect(renderEmail('acknowledgement', sampleContexts.acknowledgement, { locale: 'fr', fallbackLocale: 'de' }).locale).toBe('en');
    expect(resolveTemplateLocale('report', 'sv', 'da')).toBe('da');
  });
});

describe('safety', () => {
  it('escapes customer text (<script>, {{ … }}) in HTML and keeps it intact in text', () => {
    const email = render('agent-reply', 'en', (context) => {
      context.customer.name = HOSTILE_TEXT;
      context.complaint.subject = HOSTILE_TEXT;
      context.reply.body = `Line one\n\n${HOSTILE_TEXT}`;
    });
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('{{brand.name}}');
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &#123;&#123;brand.name&#125;&#125; &#123;&#123;&#123;customer.name&#125;&#125;&#125; &amp; co');
    expect(email.text).toContain(`Dear ${HOSTILE_TEXT},`);
    expect(email.text).toContain(HOSTILE_TEXT);
    // the template syntax the customer typed was not evaluated: the brand name does not appear in its place
    expect(email.text).not.toContain('Nordlys Home}}');
    expect(email.subject).toBe(`Re: ${HOSTILE_TEXT}`);
  });

  it('escapes customer text in every customer-facing and internal kind', () => {
    for (const kind of EMAIL_KINDS) {
      const context = structuredClone(sampleContexts[kind]) as { customer?: { name: string } };
      if (!context.customer) continue;
      context.customer.name = HOSTILE_TEXT;
      const email = renderEmail(kind, context as never, { locale: 'en', fallbackLocale: 'en' });
      expect(email.html, kind).not.toContain('<script>');
    }
  });

  it('keeps the subject on one line (CR/LF and other control characters stripped)', () => {
    const email = render('acknowledgement', 'en', (context) => {
      context.complaint.subject = 'Broken\r\nBcc: attacker@example.com\u0000\tagain';
    });
    expect(email.subject).toBe('We have received your message: Broken Bcc: attacker@example.com again');
  });

  it('validates the context against the kind’s schema, naming the field', () => {
    const bad = structuredClone(sampleContexts.acknowledgement) as unknown as { sla: { firstResponseWithin: string } };
    bad.sla.firstResponseWithin = '8 hours';
    expect(() => renderEmail('acknowledgement', bad as unknown as AcknowledgementContext, { locale: 'en', fallbackLocale: 'en' })).toThrow(TemplateContextError);
    expect(() => renderEmail('acknowledgement', bad as unknown as AcknowledgementContext, { locale: 'en', fallbackLocale: 'en' })).toThrow(/sla\.firstResponseWithin/);
  });
});

describe('contract', () => {
  it('keeps the acknowledgement fields the inbound handler fills', () => {
    const shape = acknowledgementContextSchema.shape;
    expect(Object.keys(shape).sort()).toEqual(['brand', 'complaint', 'customer', 'sla']);
    expect(Object.keys(shape.sla.shape).sort()).toEqual(['firstResponseDue', 'firstResponseWithin', 'resolutionDue', 'resolutionWithin']);
    expect(Object.keys(shape.complaint.shape).sort()).toEqual(['receivedAt', 'reference', 'subject']);
    expect(Object.keys(shape.customer.shape)).toEqual(['name']);
    const fromHandler: AcknowledgementContext = {
      brand: { name: 'B', postalAddress: [], website: undefined, signOff: 'Customer Care' },
      customer: { name: 'C' },
      complaint: { reference: 'CMP-AAAAAA', subject: 's', receivedAt: '2025-01-01T10:00:00.000Z' },
      sla: { firstResponseDue: '2025-01-01T18:00:00.000Z', resolutionDue: '2025-01-06T10:00:00.000Z', firstResponseWithin: 'PT8H', resolutionWithin: 'P5D' },
    };
    expect(renderEmail('acknowledgement', fromHandler, { locale: 'da', fallbackLocale: 'en' }).locale).toBe('da');
  });

  it('has a sample for every kind that satisfies its schema', () => {
    for (const kind of EMAIL_KINDS) expect(emailContextSchemas[kind].safeParse(sampleContexts[kind]).success, kind).toBe(true);
  });
});
