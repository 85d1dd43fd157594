import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderEmail } from '#templates/render';
import { sampleContexts } from '#templates/sample-data';
import { EMAIL_KINDS } from '#templates/schemas';

/** Fields that carry what a customer (or a customer-supplied subject) wrote, wherever they sit in a context. */
const CUSTOMER_FIELDS = new Set(['name', 'subject', 'comment', 'body', 'excerpt']);
const ATOMS = [
  '<script>alert(1)</script>',
  '<img src=x data-hostile onerror=alert(1)>',
  '"><svg data-hostile onload=alert(1)>',
  "' onmouseover='alert(1)",
  '<a href="javascript:alert(1)" data-hostile>x</a>',
  '{{brand.name}} {{{customer.name}}}',
  'Hello\r\nBcc: x@evil.test',
  '</style><style>*{display:none}</style>',
  '<!-- -->',
];
const hostile = fc.array(fc.oneof(fc.constantFrom(...ATOMS), fc.string({ maxLength: 8 })), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' ')).filter((text) => text.trim().length > 0);

/** Config and enums, not customer text: the brand, and the report's category/language/severity names. */
const NOT_CUSTOMER = new Set(['brand', 'severities', 'languages', 'categories', 'agents']);

function withHostileFields(value: unknown, text: string, key = ''): unknown {
  if (NOT_CUSTOMER.has(key)) return value;
  if (typeof value === 'string') return CUSTOMER_FIELDS.has(key) ? text : value;
  if (Array.isArray(value)) return value.map((item) => withHostileFields(item, text, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, withHostileFields(inner, text, name)]));
  return value;
}

describe('every email kind and locale with hostile customer text in every customer field', () => {
  it('renders it only as text: no tag, attribute or template syntax survives into the HTML, the subject stays on one line', () => {
    fc.assert(
      fc.property(fc.constantFrom(...EMAIL_KINDS), fc.constantFrom('en', 'da', 'nb', 'et'), hostile, (kind, locale, text) => {
        const context = withHostileFields(structuredClone(sampleContexts[kind]), text);
        const email = renderEmail(kind, context as never, { locale, fallbackLocale: 'en' });
        expect(email.html).not.toMatch(/<script/i);
        expect(email.html).not.toMatch(/<[^>]*\bon(error|load|mouseover)\s*=/i);
        expect(email.html).not.toMatch(/<[^>]*data-hostile/i);
        expect(email.html).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
        expect(email.html).not.toContain('</style><style>');
        expect(email.subject).not.toMatch(/[\r\n]/);
        // …and it is there, as text: the test reached the customer's fields.
        if (text.includes('<script>alert(1)</script>')) expect(email.html, kind).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      }),
      { numRuns: 300 },
    );
  });
});
