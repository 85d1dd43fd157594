import { describe, expect, it } from 'vitest';
import { classify, classifyDetailed } from '#core/classify/index';
import { compileCategoryConfig, parseCategoryConfig } from '#core/classify/category-config';

const tiny = compileCategoryConfig(
  parseCategoryConfig(
    {
      version: 1,
      fallbackCategory: 'other',
      subjectWeight: 2,
      modelBelowScore: 0,
      modelWeight: 0,
      minimumScore: 0.5,
      categories: {
        product: { label: 'Product', cues: { en: { strong: ['screen', 'cracked'], normal: ['phone'] } } },
        service: { label: 'Service', cues: { en: { strong: ['your technician told'], weak: ['shop'] } } },
        billing: { label: 'Billing', cues: { en: ['invoice'] } },
        other: { label: 'Other', cues: { en: ['question'] } },
      },
    },
    'tiny.json',
  ),
);

describe('a person’s work outweighs the object or the bill it happened around', () => {
  it('a strong service cue halves the product and billing scores', () => {
    const result = classifyDetailed('Cracked screen', 'The phone screen is cracked and your technician told me it was already like that. Invoice attached.', 'en', { categories: tiny });
    // product: cracked 4 + screen 4 (subject) + phone 1 = 9, halved to 4.5; billing 1 halved to 0.5.
    expect(result.categoryScores).toMatchObject({ product: 4.5, service: 2, billing: 0.5 });
    expect(result.category).toBe('product');
    const inBody = classifyDetailed('Phone', 'The screen has a mark and your technician told me it was already like that.', 'en', { categories: tiny });
    // product: phone 2 (subject) + screen 2 = 4, halved to 2 — a tie the first category keeps; the weak "shop" is not a person's work.
    expect(inBody.categoryScores).toMatchObject({ product: 2, service: 2 });
  });

  it('a weak service cue does not damp the object', () => {
    const result = classifyDetailed('Cracked screen', 'Bought the phone in your shop.', 'en', { categories: tiny });
    expect(result.categoryScores).toMatchObject({ product: 9, service: 0.5 });
    expect(result.category).toBe('product');
  });

  it('workmanship reads as service in every language', () => {
    const cases: Array<[string, string, string]> = [
      ['en', 'Phone worse after your screen repair', 'I brought my phone in for a screen replacement. Your technician told me the damage was bad luck, but the board was damaged when the old screen was taken off.'],
      ['da', 'Telefonen er værre efter reparationen', 'Jeres tekniker skiftede skærmen, og nu virker kameraet ikke.'],
      ['nb', 'Skjermen løsner etter reparasjonen', 'Dere byttet skjermen for to uker siden, og nå løsner den i hjørnet.'],
      ['sv', 'Batteriet fortfarande dåligt efter byte', 'Ni bytte batteri på min telefon i april och den laddar ur lika snabbt som förut.'],
      ['de', 'Hemden nicht richtig gebügelt', 'Ich habe fünf Hemden zur Reinigung gebracht; die Kragen waren zerknittert.'],
      ['fi', 'Housut huonosti prässätty', 'Toin housut pesulaan ja ne palautettiin huonosti prässättyinä.'],
      ['et', 'Särgid olid halvasti pressitud', 'Tõin 5 särki pesemiseks ja pressimiseks, kraed olid kortsus.'],
    ];
    for (const [language, subject, body] of cases) expect(classify(subject, body, language).category, `${language}: ${subject}`).toBe('service');
  });

  it('the object at fault with nobody’s work to blame stays product', () => {
    expect(classify('Kettle stopped working', 'The kettle I bought last month stopped working. It will not switch on at all.', 'en').category).toBe('product');
    expect(classify('Batteriet håller inte', 'Batteriet i min nya telefon laddar ur på fyra timmar. Den är defekt.', 'sv').category).toBe('product');
    expect(classify('Kaputter Wasserkocher', 'Der Wasserkocher ist nach zwei Wochen kaputt gegangen und schaltet nicht mehr ein.', 'de').category).toBe('product');
  });
});
