import { autoreplyHeaders } from './autoreply-headers.ts';
import { header, keyword, type ScreeningInput, type ScreeningRule } from './types.ts';

/**
 * What out-of-office and other automatic replies put first in the subject, in the languages
 * customers write in (Outlook, Exchange, Gmail, Apple Mail, Lotus/HCL Notes, Zimbra, Open-Xchange).
 */
const AUTOMATIC_SUBJECT_PHRASES = [
  'out of (?:the )?office(?: auto-?reply| reply| notice)?',
  'automatic reply',
  'auto[- ]?reply',
  'auto[- ]?response',
  'automatic response',
  'vacation reply',
  'abwesenheitsnotiz',
  'abwesenheit',
  'automatische antwort',
  'fraværende',
  'fravær',
  'autosvar',
  'automatisk svar',
  'automatiskt svar',
  'frånvaro',
  'frånvarande',
  'poissa',
  'poissaolo',
  'automaattinen vastaus',
  'réponse automatique',
  'absence du bureau',
  'respuesta automática',
  'fuera de la oficina',
  'risposta automatica',
  'fuori sede',
  'automatisch antwoord',
  'afwezig',
  'afwezigheid',
  'resposta automática',
  'odpowiedź automatyczna',
  'automatická odpověď',
];

/**
 * The phrase must stand alone at the start, followed by a colon, a dash, a bracket, a date or
 * nothing: "Out of Office: Re: …" is a responder, "Out of office hours support is useless" is a customer.
 */
const AUTOMATIC_SUBJECT = new RegExp(`^\\s*(${AUTOMATIC_SUBJECT_PHRASES.join('|')})\\s*(?::|$|[-–]\\s|\\(|\\[|\\d)`, 'iu');

export const outOfOfficeSubject: ScreeningRule = {
  name: 'out-of-office-subject',
  check(input) {
    const phrase = AUTOMATIC_SUBJECT.exec(input.subject)?.[1];
    return phrase ? `subject starts with "${phrase}" (automatic reply)` : undefined;
  },
};

/**
 * The rules an out-of-office reply trips. A message screened by one of them that is also an
 * automatic reply (below) may still land on its complaint's timeline, silently, when it threads
 * onto a complaint of the same sender; bounces, lists, spam and our own mail never do.
 */
export const AUTOMATIC_REPLY_RULES: ReadonlySet<string> = new Set(['auto-submitted', 'autoreply-headers', 'out-of-office-subject', 'precedence', 'null-return-path']);

/** Why the message is an automatic reply to a person (RFC 3834 "auto-replied" and its informal cousins), else undefined. */
export function automaticReplyReason(input: ScreeningInput): string | undefined {
  const submitted = header(input, 'auto-submitted');
  const submittedKeyword = submitted === undefined ? undefined : keyword(submitted);
  if (submittedKeyword === 'auto-replied') return 'Auto-Submitted: auto-replied';
  const marker = autoreplyHeaders.check(input) ?? outOfOfficeSubject.check(input);
  if (marker) return marker;
  // Exchange's out-of-office reply in a language the subject list does not know.
  if (submittedKeyword === 'auto-generated' && /\b(all|oof|autoreply)\b/i.test(header(input, 'x-auto-response-suppress') ?? '')) {
    return 'Auto-Submitted: auto-generated with X-Auto-Response-Suppress (Exchange automatic reply)';
  }
  return undefined;
}
