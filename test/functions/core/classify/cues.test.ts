import { describe, expect, it } from 'vitest';
import { compileCue, cueMatches, cueProblem, cueText } from '#core/classify/cues';
import { classify } from '#core/classify/index';

const matches = (cue: string, text: string) => cueMatches(compileCue(cue), cueText(text));

describe('cue syntax', () => {
  it('matches whole words, prefixes, infixes, suffixes and phrases with gaps', () => {
    expect(matches('refund', 'Where is my refund?')).toBe(true);
    expect(matches('refund', 'I was refunded')).toBe(false);
    expect(matches('refund*', 'I was refunded')).toBe(true);
    expect(matches('*rechnung*', 'Die Schlussrechnungen sind falsch')).toBe(true);
    expect(matches('*lieferung', 'Die Nachlieferung fehlt')).toBe(true);
    expect(matches('never arrived', 'It never arrived.')).toBe(true);
    expect(matches('caught ... fire', 'It caught on fire')).toBe(true);
    expect(matches('caught ... fire', 'I caught the bus and then some fire')).toBe(false);
  });

  it('folds diacritics and æ/ø/ß on both sides', () => {
    expect(matches('ødelagt', 'Varen var odelagt')).toBe(true);
    expect(matches('rückerstatt*', 'RÜCKERSTATTUNG bitte')).toBe(true);
    expect(matches('straße', 'falsche Strasse')).toBe(true);
  });

  it('names what is wrong with a cue', () => {
    expect(cueProblem('re*und')).toMatch(/only start or end/);
    expect(cueProblem('ab*')).toMatch(/at least 3 letters/);
    expect(cueProblem('... fire')).toMatch(/between two words/);
    expect(cueProblem('refund*')).toBeUndefined();
  });
});

describe('classify', () => {
  it('keeps the intake’s shape: language, category, severity, signals', () => {
    const result = classify('Blender arrived with a cracked jug', 'Order NW-48213. The jug is cracked and leaks.', 'en');
    expect(Object.keys(result).sort()).toEqual(['category', 'language', 'severity', 'signals']);
    expect(result).toMatchObject({ language: 'en', category: 'product', severity: 'normal' });
    expect(result.signals[0]).toMatch(/^language en/);
  });

  it('is a pure function of its arguments', () => {
    const args = ['Pakken er ikke kommet', 'Hej, min pakke skulle være leveret i mandags.', 'en'] as const;
    expect(classify(...args)).toEqual(classify(...args));
  });

  it('weights the subject above the body', () => {
    expect(classify('Invoice is wrong', 'Hi, the parcel arrived fine, but please look at this.', 'en').category).toBe('billing');
  });

  it.each([
    ['Refund not received', 'I returned the jacket a month ago and I still have not been refunded.', 'billing'],
    ['Ingen svar', 'Jeg har skrevet til jeres kundeservice tre gange uden at få svar.', 'service'],
    ['Paket försenat', 'Mitt paket skulle komma i måndags men spårningen står still.', 'delivery'],
    ['Kaputt nach zwei Wochen', 'Der Mixer funktioniert nicht mehr.', 'product'],
    ['Ei saa sisse logida', 'Kodulehel ei saa oma kontole sisse logida, parool ei tööta.', 'other'],
  ])('%s → %s', (subject, body, category) => {
    expect(classify(subject, body, 'en').category).toBe(category);
  });
});
