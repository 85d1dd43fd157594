import { describe, expect, it } from 'vitest';
import { classify } from '#core/classify/index';
import { detectLanguage } from '#core/classify/language';
import { ownText } from '#core/classify/text';

const detect = (text: string, previousLanguage?: string) => detectLanguage(text, { defaultLanguage: 'en', previousLanguage }).language;

describe('Danish against Norwegian Bokmål', () => {
  const pairs: Array<[da: string, nb: string]> = [
    ['Jeg har ikke modtaget min pakke endnu, og jeg har ventet i tre uger.', 'Jeg har ikke mottatt pakken min ennå, og jeg har ventet i tre uker.'],
    ['Hej, jeg fik den forkerte vare. Kan I sende den rigtige?', 'Hei, jeg fikk feil vare. Kan dere sende den riktige?'],
    ['Tak for svaret, men jeg vil have pengene tilbage nu.', 'Takk for svaret, men jeg vil ha pengene tilbake nå.'],
    ['Hvad sker der med min bestilling? Jeg købte den for en uge siden.', 'Hva skjer med bestillingen min? Jeg kjøpte den for en uke siden.'],
    ['Vi har desværre ikke hørt noget fra jer efter reklamationen.', 'Vi har dessverre ikke hørt noe fra dere etter reklamasjonen.'],
    ['Min søn kom på sygehuset, efter at lampen blev meget varm.', 'Sønnen min kom på sykehuset etter at lampa ble veldig varm.'],
  ];
  it.each(pairs)('tells "%s" from its Norwegian twin', (danish, norwegian) => {
    expect(detect(danish)).toBe('da');
    expect(detect(norwegian)).toBe('nb');
  });

  it('reads Norwegian typed without æ/ø/å', () => {
    expect(detect('Hei, jeg har fortsatt ikke fatt pengene tilbake etter at jeg returnerte jakka. Hva skjer?')).toBe('nb');
  });

  it('keeps Norwegian when the complaint is full of English shop words', () => {
    expect(detect('Hei! Tracking-nummeret funker ikke, og refund har jeg ikke fått. Kan dere sjekke support-saken min?')).toBe('nb');
  });
});

describe('Swedish, German, English', () => {
  it('tells Swedish from Danish and Norwegian', () => {
    expect(detect('Jag har inte fått mitt paket och ingen svarar i telefon.')).toBe('sv');
    expect(detect('Varan är trasig och jag vill ha pengarna tillbaka.')).toBe('sv');
    // written without å/ä/ö: the function words still decide
    expect(detect('Jag har inte fatt nagot svar fran er kundtjanst och det ar tredje gangen jag skriver.')).toBe('sv');
  });

  it('reads German and English', () => {
    expect(detect('Meine Bestellung ist immer noch nicht angekommen.')).toBe('de');
    expect(detect('My order still has not arrived and nobody answers the phone.')).toBe('en');
  });
});

describe('Estonian against Finnish', () => {
  it.each([
    ['Minu tellimus ei ole siiani kohale jõudnud.', 'et'],
    ['Tilaukseni ei ole vieläkään saapunut.', 'fi'],
    ['Pakk jõudis kohale katkisena, palun saatke uus.', 'et'],
    ['Paketti tuli rikkinäisenä, lähettäkää uusi.', 'fi'],
    ['Arve on vale, ma maksin juba eile.', 'et'],
    ['Lasku on väärin, maksoin sen jo eilen.', 'fi'],
    // "olen" and "saada" are both Estonian and Finnish: Finnish case endings decide
    ['Pistorasia on mustunut ja haisi palaneelta muovilta. Olen ilmoittanut asiasta Tukesille.', 'fi'],
  ])('"%s" is %s', (text, language) => {
    expect(detect(text)).toBe(language);
  });
});

describe('when the text does not decide', () => {
  it('uses the previous language, then the default, for a text too short to tell', () => {
    expect(detectLanguage('Ok?', { defaultLanguage: 'en', previousLanguage: 'da' })).toMatchObject({ language: 'da', fellBack: true });
    expect(detectLanguage('Ok?', { defaultLanguage: 'en' })).toMatchObject({ language: 'en', fellBack: true });
    expect(detectLanguage('', { defaultLanguage: 'sv' })).toMatchObject({ language: 'sv', fellBack: true });
  });

  it('prefers the previous language between Danish and Norwegian when nothing separates them', () => {
    const text = 'Pakken er ikke kommet';
    expect(detect(text, 'nb')).toBe('nb');
    expect(detect(text, 'da')).toBe('da');
  });

  it('accepts no/nn/nb-NO for Norwegian and keeps the classify() default argument', () => {
    expect(detect('Ok?', 'no')).toBe('nb');
    expect(classify('', 'Ok', 'de').language).toBe('de');
    expect(classify('', 'Ok', 'de', { previousLanguage: 'fi' }).language).toBe('fi');
  });
});

describe('quoted replies and signatures', () => {
  it('judges the customer’s words, not the quoted English thread', () => {
    const body = [
      'Hej, skoene kom i går, men sålen er allerede ved at gå løs. Kan I bytte dem?',
      '',
      'Mvh Søren',
      '',
      'On 3 Mar 2025, at 10:01, Shop <noreply@example.com> wrote:',
      '> Your order has shipped and will arrive in two to three days. Thank you for shopping with us.',
      '> If you have any questions, please reply to this email and our team will be happy to help.',
    ].join('\n');
    expect(ownText(body)).not.toContain('Your order has shipped');
    expect(classify('Re: Your order has shipped', body, 'en').language).toBe('da');
  });

  it('is not swayed by a Nordic name in an English signature', () => {
    expect(classify('Broken kettle', 'The kettle stopped working after a week. Please advise.\n\nBest wishes,\nSøren Bjørnø Kjærgaard', 'da').language).toBe('en');
  });

  it('cuts Outlook headers and mobile signatures', () => {
    const body = 'Pakken kom aldri.\n\nSendt fra min iPhone\n\nFra: Kundeservice <care@example.com>\nSendt: 3. mars 2025 10:12\nTil: meg\nEmne: Din ordre';
    expect(ownText(body)).toBe('Pakken kom aldri.');
  });
});
