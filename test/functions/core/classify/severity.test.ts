import { describe, expect, it } from 'vitest';
import { classifyDetailed } from '#core/classify/index';
import { cueProblem } from '#core/classify/cues';
import { severityCues } from '#core/classify/severity';

const severity = (subject: string, body: string) => classifyDetailed(subject, body, 'en');

describe('urgent cues are precise', () => {
  it.each([
    ['caught fire', 'The toaster caught fire this morning.', 'safety'],
    ['see you in court', 'Refund me by Friday or I will see you in court.', 'legal'],
    ['Trustpilot', 'I am leaving a one-star review on Trustpilot today.', 'exposure'],
    ['Trading Standards', 'I have reported you to Trading Standards.', 'authority'],
    ['someone else’s invoice', "My order came with someone else's invoice, with their name and address.", 'data'],
    ['Danish fire', 'Opladeren gik i brand i nat, og der var tyk røg i hele stuen.', 'safety'],
    ['Norwegian lawyer', 'Jeg har nå sendt saken til advokaten min.', 'legal'],
    ['German authority', 'Ich habe mich an die Verbraucherzentrale gewandt.', 'authority'],
    ['Estonian press', 'Kirjutan sellest sotsiaalmeedias ja annan loo Delfile.', 'exposure'],
    ['Finnish safety', 'Laturi syttyi palamaan yöllä.', 'safety'],
  ])('%s is urgent (%s)', (_, body, kind) => {
    const result = severity('', body);
    expect(result.severity).toBe('urgent');
    expect(result.urgentKinds).toContain(kind);
    expect(result.signals.some((signal) => signal.startsWith(`urgent ${kind} cue`))).toBe(true);
  });

  it.each([
    ['fire the staff', 'Whoever packed this box should be fired. Half the glasses are chipped.'],
    ['of course', 'Of course I read the manual before complaining. The zip still broke.'],
    ['reading reviews', 'I read the reviews before buying and they were good, so this is disappointing.'],
    ['Danish four', 'Jeg har ringet fire gange om min pakke.'],
    ['Danish brand name', 'Jeg valgte jer, fordi det er et kendt brand, men knivene er sløve.'],
    ['burnt toast', 'The toaster burns the toast on the lowest setting.'],
    ['shocked by the price', 'I was shocked by the price of the delivery.'],
    ['stitches in a seam', 'The stitches on the seam came loose after a week.'],
    ['Finnish wrong', 'Sain väärän tuotteen, väärä koko.'],
    ['denied threat', "I'm not going to sue anyone, I just want the fee refunded."],
    ['German denied threat', 'Ich will Sie nicht verklagen, ich möchte nur eine Antwort.'],
    ['press studs', 'The press studs on the jacket keep popping open.'],
    ['burning question', 'Burning question: when will my sofa arrive?'],
  ])('%s is not urgent', (_, body) => {
    expect(severity('', body).severity).not.toBe('urgent');
  });

  it('a denial inside a condition is still a threat', () => {
    expect(severity('', "If you don't refund me by Friday I will sue you.").severity).toBe('urgent');
    expect(severity('', 'Kui raha ei tagastata, pöördun advokaadi poole.').severity).toBe('urgent');
  });

  it('weak cues add up: hospital alone is not urgent, hospital and an injury are', () => {
    expect(severity('', 'My mother is in hospital so I could not collect the parcel.').severity).not.toBe('urgent');
    expect(severity('', 'My son was hurt by the sharp edge and we ended up in hospital.').severity).toBe('urgent');
  });

  it('anger and repetition make it high', () => {
    expect(severity('Third time!!', 'This is the third time I have written. Completely unacceptable.').severity).toBe('high');
    expect(severity('Question', 'Could you tell me when the sofa will be delivered?').severity).toBe('normal');
  });
});

describe('the severity cue lists', () => {
  it('are all valid cues', () => {
    const problems = severityCues()
      .map(({ kind, language, cue }) => [kind, language, cue.source, cueProblem(cue.source)] as const)
      .filter(([, , , problem]) => problem !== undefined);
    expect(problems).toEqual([]);
  });
});
