/** The small feedback page customers reach from the rating links: words per locale, HTML escaped. */

export type PageState =
  | { kind: 'form'; reference: string; rating?: number; action: string; token: string; brandName: string }
  | { kind: 'thanks'; reference: string; rating: number; brandName: string }
  | { kind: 'error'; problem: 'expired' | 'invalid' | 'already' | 'not-resolved' | 'bad-request'; brandName: string };

interface Words {
  title: string;
  intro: (reference: string) => string;
  ratingLegend: string;
  ratingLabels: [string, string, string, string, string];
  commentLabel: string;
  submit: string;
  thanksTitle: string;
  thanks: (rating: number) => string;
  errors: Record<Extract<PageState, { kind: 'error' }>['problem'], string>;
}

const WORDS: Record<string, Words> = {
  en: {
    title: 'How did we handle your complaint?',
    intro: (reference) => `Your answer about complaint ${reference} helps us do better. It takes a few seconds.`,
    ratingLegend: 'Your rating',
    ratingLabels: ['1 – very poor', '2 – poor', '3 – acceptable', '4 – good', '5 – very good'],
    commentLabel: 'Anything you would like to add? (optional)',
    submit: 'Send my rating',
    thanksTitle: 'Thank you',
    thanks: (rating) => `We have recorded your rating of ${rating} out of 5. Thank you for taking the time.`,
    errors: {
      expired: 'This rating link has expired. If you would still like to tell us how we did, simply reply to our last email.',
      invalid: 'This rating link is not valid. Please use the link exactly as it appears in our email.',
      already: 'We have already received your rating for this complaint. Thank you!',
      'not-resolved': 'This complaint is open again, so we are not asking for a rating yet.',
      'bad-request': 'Please choose a rating from 1 to 5.',
    },
  },
  da: {
    title: 'Hvordan håndterede vi din klage?',
    intro: (reference) => `Dit svar om klage ${reference} hjælper os til at blive bedre. Det tager kun et øjeblik.`,
    ratingLegend: 'Din vurdering',
    ratingLabels: ['1 – meget dårlig', '2 – dårlig', '3 – acceptabel', '4 – god', '5 – meget god'],
    commentLabel: 'Vil du tilføje noget? (valgfrit)',
    submit: 'Send min vurdering',
    thanksTitle: 'Tak',
    thanks: (rating) => `Vi har registreret din vurdering: ${rating} ud af 5. Tak fordi du tog dig tid.`,
    errors: {
      expired: 'Linket er udløbet. Vil du stadig give os din mening, kan du bare svare på vores seneste e-mail.',
      invalid: 'Linket er ikke gyldigt. Brug venligst linket præcis som det står i vores e-mail.',
      already: 'Vi har allerede modtaget din vurdering af denne klage. Tak!',
      'not-resolved': 'Klagen er genåbnet, så vi beder ikke om en vurdering endnu.',
      'bad-request': 'Vælg venligst en vurdering fra 1 til 5.',
    },
  },
  nb: {
    title: 'Hvordan behandlet vi klagen din?',
    intro: (reference) => `Svaret ditt om klage ${reference} hjelper oss å bli bedre. Det tar bare noen sekunder.`,
    ratingLegend: 'Din vurdering',
    ratingLabels: ['1 – svært dårlig', '2 – dårlig', '3 – akseptabel', '4 – bra', '5 – svært bra'],
    commentLabel: 'Vil du legge til noe? (valgfritt)',
    submit: 'Send vurderingen',
    thanksTitle: 'Takk',
    thanks: (rating) => `Vi har registrert vurderingen din: ${rating} av 5. Takk for at du tok deg tid.`,
    errors: {
      expired: 'Lenken har utløpt. Vil du likevel si hva du synes, kan du svare på den siste e-posten vår.',
      invalid: 'Lenken er ikke gyldig. Bruk lenken nøyaktig slik den står i e-posten fra oss.',
      already: 'Vi har allerede fått vurderingen din av denne klagen. Takk!',
      'not-resolved': 'Klagen er åpnet igjen, så vi ber ikke om en vurdering ennå.',
      'bad-request': 'Velg en vurdering fra 1 til 5.',
    },
  },
  et: {
    title: 'Kuidas me teie kaebust käsitlesime?',
    intro: (reference) => `Teie vastus kaebuse ${reference} kohta aitab meil paremaks saada. See võtab vaid mõne hetke.`,
    ratingLegend: 'Teie hinnang',
    ratingLabels: ['1 – väga halb', '2 – halb', '3 – rahuldav', '4 – hea', '5 – väga hea'],
    commentLabel: 'Kas soovite midagi lisada? (vabatahtlik)',
    submit: 'Saada hinnang',
    thanksTitle: 'Aitäh',
    thanks: (rating) => `Salvestasime teie hinnangu: ${rating} punkti viiest. Aitäh, et leidsite aega.`,
    errors: {
      expired: 'See link on aegunud. Kui soovite siiski tagasisidet anda, vastake lihtsalt meie viimasele kirjale.',
      invalid: 'See link ei kehti. Palun kasutage linki täpselt nii, nagu see on meie kirjas.',
      already: 'Oleme selle kaebuse kohta teie hinnangu juba kätte saanud. Aitäh!',
      'not-resolved': 'Kaebus on uuesti avatud, seega me veel hinnangut ei küsi.',
      'bad-request': 'Palun valige hinnang vahemikus 1 kuni 5.',
    },
  },
};

export function renderFeedbackPage(state: PageState, locale: string): string {
  const words = WORDS[locale] ?? WORDS.en!;
  const lang = WORDS[locale] ? locale : 'en';
  switch (state.kind) {
    case 'form': {
      const options = words.ratingLabels
        .map((label, index) => {
          const value = index + 1;
          const checked = state.rating === value ? ' checked' : '';
          return `<label class="rating"><input type="radio" name="rating" value="${value}" required${checked}> ${escapeHtml(label)}</label>`;
        })
        .join('\n');
      return layout(lang, words.title, state.brandName, `
  <p>${escapeHtml(words.intro(state.reference))}</p>
  <form method="post" action="${escapeHtml(state.action)}">
    <input type="hidden" name="t" value="${escapeHtml(state.token)}">
    <fieldset><legend>${escapeHtml(words.ratingLegend)}</legend>
${options}
    </fieldset>
    <label for="comment">${escapeHtml(words.commentLabel)}</label>
    <textarea id="comment" name="comment" rows="4" maxlength="2000"></textarea>
    <button type="submit">${escapeHtml(words.submit)}</button>
  </form>`);
    }
    case 'thanks':
      return layout(lang, words.thanksTitle, state.brandName, `<p id="result">${escapeHtml(words.thanks(state.rating))}</p>`);
    case 'error':
      return layout(lang, words.title, state.brandName, `<p id="result" class="problem">${escapeHtml(words.errors[state.problem])}</p>`);
  }
}

function layout(lang: string, title: string, brandName: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)} – ${escapeHtml(brandName)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem;color:#222}
fieldset{border:1px solid #ccc;border-radius:6px;margin:1rem 0}label.rating{display:block;padding:.3rem 0}
textarea{width:100%;box-sizing:border-box}button{margin-top:1rem;padding:.6rem 1.2rem;font-size:1rem}.problem{color:#8a1c1c}</style>
</head><body><h1>${escapeHtml(title)}</h1>
${body}
<p><small>${escapeHtml(brandName)}</small></p>
</body></html>`;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}
