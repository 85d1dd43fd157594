import { describe, expect, it } from 'vitest';
import { escapeExpression, escapeHtml, formatDate, formatDuration, formatNumber, paragraphsHtml, type HelperData } from '#templates/helpers';
import { localeCandidates, singleLine, tidyText } from '#templates/runtime';

const data = (locale: string, intl: string, extra: Partial<HelperData> = {}): HelperData => ({ locale, intl, timeZone: 'Europe/Copenhagen', ...extra });
const nb = data('nb', 'nb-NO', { durationUnits: { day: { one: 'dag', other: 'dager' } } });
const et = data('et', 'et-EE', { durationUnits: { day: { one: 'päev', other: 'päeva' } } });

describe('formatDuration', () => {
  it('writes ISO durations in words of the locale', () => {
    expect(formatDuration('PT8H', data('en', 'en-GB'))).toBe('8 hours');
    expect(formatDuration('PT8H', data('da', 'da-DK'))).toBe('8 timer');
    expect(formatDuration('PT8H', nb)).toBe('8 timer');
    expect(formatDuration('PT8H', et)).toBe('8 tundi');
    expect(formatDuration('PT1H', data('en', 'en-GB'))).toBe('1 hour');
    expect(formatDuration('P5D', data('en', 'en-GB'))).toBe('5 days');
    expect(formatDuration('P1D', nb)).toBe('1 dag');
    expect(formatDuration('P5D', nb)).toBe('5 dager');
    expect(formatDuration('P5D', et)).toBe('5 päeva');
    expect(formatDuration('P2W', data('da', 'da-DK'))).toBe('2 uger');
  });

  it('shows at most the two largest units', () => {
    expect(formatDuration('P1DT4H', data('en', 'en-GB'))).toBe('1 day and 4 hours');
    expect(formatDuration('P1DT4H30M', data('en', 'en-GB'))).toBe('1 day and 4 hours');
    expect(formatDuration('PT7H30M', data('da', 'da-DK'))).toBe('7 timer og 30 minutter');
    expect(formatDuration('PT3H20M', et)).toBe('3 tundi ja 20 minutit');
  });

  it('refuses what is not a duration', () => {
    expect(() => formatDuration('8 hours', data('en', 'en-GB'))).toThrow(/not an ISO-8601 duration/);
  });
});

describe('formatDate', () => {
  const due = '2025-03-10T16:42:00Z';
  it('formats in the brand time zone and the locale', () => {
    expect(formatDate(due, 'date', data('en', 'en-GB'))).toBe('10 March 2025');
    expect(formatDate(due, 'date', data('da', 'da-DK'))).toBe('10. marts 2025');
    expect(formatDate(due, 'datetime', data('en', 'en-GB'))).toBe('Monday, 10 March 2025 at 17:42 CET');
    expect(formatDate(due, 'datetime', data('da', 'da-DK'))).toBe('mandag den 10. marts 2025 kl. 17.42 CET');
    expect(formatDate(due, 'time', { ...data('en', 'en-GB'), timeZone: 'UTC' })).toBe('16:42 UTC');
  });

  it('refuses what is not a date', () => {
    expect(() => formatDate('yesterday', 'date', data('en', 'en-GB'))).toThrow(/not a date/);
  });
});

describe('formatNumber', () => {
  it('uses the locale’s separators', () => {
    expect(formatNumber(12345.5, 'decimal', data('en', 'en-GB'))).toBe('12,345.5');
    expect(formatNumber(12345.5, 'decimal', data('da', 'da-DK'))).toBe('12.345,5');
    expect(formatNumber(0.946, 'percent', data('da', 'da-DK')).replace(/\s/gu, ' ')).toBe('94,6 %');
    expect(formatNumber(4.6, 'integer', data('en', 'en-GB'))).toBe('5');
  });
});

describe('escaping', () => {
  it('escapes markup and template braces', () => {
    expect(escapeHtml('<b a="1">{{x}}</b> & \'y\'')).toBe('&lt;b a&#x3D;&quot;1&quot;&gt;&#123;&#123;x&#125;&#125;&lt;/b&gt; &amp; &#x27;y&#x27;');
    expect(escapeExpression(undefined)).toBe('');
    expect(escapeExpression(4)).toBe('4');
    expect(escapeExpression({ toHTML: () => '<b>safe</b>' })).toBe('<b>safe</b>');
  });

  it('turns multi-line text into escaped paragraphs', () => {
    expect(paragraphsHtml('a <b>\nsecond line\r\n\r\n\r\nnext')).toBe(
      '<p style="margin:0 0 12px 0;">a &lt;b&gt;<br>\nsecond line</p>\n<p style="margin:0;">next</p>',
    );
  });
});

describe('runtime details', () => {
  it('makes a subject one line', () => {
    expect(singleLine(' a\r\nb\u2028c\td  ')).toBe('a b c d');
  });

  it('collapses the spaces blocks leave behind in generated text', () => {
    expect(tidyText('late.\u0002\u0001\u0002Next\u0002\nline')).toBe('late. Next\nline');
    expect(tidyText('you\u0001\u0001.')).toBe('you.');
    expect(tidyText('\u0002\u0001Start')).toBe('Start');
    expect(tidyText('a\u0001\u0002\u0001 b')).toBe('a b');
    expect(tidyText('a\n\n\n\nb')).toBe('a\n\nb');
  });

  it('lists locale candidates in fallback order', () => {
    expect(localeCandidates('nb-NO', 'da', { fallback: 'en', aliases: { no: 'nb' } })).toEqual(['nb-no', 'nb', 'da', 'en']);
    expect(localeCandidates('no', 'da', { fallback: 'en', aliases: { no: 'nb' } })).toEqual(['no', 'nb', 'da', 'en']);
  });
});
