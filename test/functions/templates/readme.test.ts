import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { variablePaths } from '#templates/analyze';
import { formatDate, formatDuration, formatNumber, type HelperData } from '#templates/helpers';
import { EMAIL_KINDS, emailContextSchemas } from '#templates/schemas';

const readme = readFileSync(new URL('../../../templates/README.md', import.meta.url), 'utf8');

describe('templates/README.md (for admins)', () => {
  it('lists every variable of every kind', () => {
    for (const kind of EMAIL_KINDS) {
      const section = readme.slice(readme.indexOf(`**${kind}**`));
      expect(section.length, kind).toBeLessThan(readme.length);
      for (const { path, type } of variablePaths(emailContextSchemas[kind])) {
        if (path.startsWith('brand.')) continue;
        // lists are written `list[]`, their items' fields "with `field`"
        const shown = path.includes('[]') ? path.slice(0, path.indexOf('[]') + 2) : type.startsWith('list') ? `${path}[]` : path;
        expect(section, `${kind}: ${path}`).toContain(`\`${shown}\``);
      }
    }
  });

  it('shows the helpers’ real output', () => {
    const d = (locale: string, intl: string): HelperData => ({ locale, intl, timeZone: 'Europe/Copenhagen' });
    const nbsp = (text: string): string => text.replace(/\s/gu, ' ');
    for (const example of [
      formatDate('2025-03-15T08:42:00Z', 'date', d('et', 'et-EE')),
      formatDate('2025-03-10T16:42:00Z', 'datetime', d('da', 'da-DK')),
      formatDate('2025-03-10T08:42:00Z', 'time', d('en', 'en-GB')),
      formatDuration('PT8H', d('et', 'et-EE')),
      formatDuration('P1DT4H30M', d('en', 'en-GB')),
      nbsp(formatNumber(12345, 'decimal', d('nb', 'nb-NO'))),
      nbsp(formatNumber(0.946, 'percent', d('nb', 'nb-NO'))),
      formatNumber(0.946, 'percent', d('et', 'et-EE')),
    ]) {
      expect(nbsp(readme)).toContain(example);
    }
  });
});
