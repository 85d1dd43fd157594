/**
 * Text preparation shared by the language, category and severity steps: the customer's own words,
 * without the quoted thread below them, mobile signatures, links and codes.
 */

/** A line that opens a quoted earlier message: everything from here down is not the customer's new text. */
const REPLY_HEADER_LINE =
  /^(?:-{2,}\s*)?(?:original message|forwarded message|oprindelig (?:meddelelse|besked)|videresendt (?:meddelelse|besked)|opprinnelig melding|videresendt melding|ursprungligt meddelande|vidarebefordrat meddelande|ursprüngliche nachricht|weitergeleitete nachricht|algne sõnum|edastatud sõnum|alkuperäinen viesti|välitetty viesti)\s*-{0,}\s*$/iu;
/** "On 12 Mar 2025, at 09:14, Care <care@example.com> wrote:" and its translations. */
const WROTE_LINE = /(?:wrote|skrev|schrieb|kirjutas|kirjoitti|skrev följande|a écrit)\s*:\s*$/iu;
/** Outlook's header block: "From: …" soon followed by "Sent: …"/"Date: …". */
const FROM_LINE = /^\*?(?:from|fra|från|von|saatja|lähettäjä|kellelt)\s*:\*?\s/iu;
const SENT_LINE = /^\*?(?:sent|date|sendt|dato|skickat|datum|gesendet|saadetud|kuupäev|lähetetty|päivämäärä)\s*:\*?\s/iu;
/** Mobile and client signatures ("Sent from my iPhone", "Sendt fra min iPhone", …). */
const DEVICE_SIGNATURE =
  /^(?:sent from my|sent from outlook|get outlook for|sendt fra min|sendt fra outlook|hent outlook|skickat från min|skickat från outlook|hämta outlook|von meinem .* gesendet|gesendet von meinem|saadetud minu|saadetud seadmest|lähetetty (?:iphonesta|android|laitteesta|puhelimesta)|lähetetty .*(?:-?laitteesta|puhelimestani))/iu;
const SIGNATURE_DELIMITER = /^--\s?$/u;

/** The new text of a message: quoted replies, forwarded headers and device signatures cut off. */
export function ownText(body: string): string {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!.trim();
    if (REPLY_HEADER_LINE.test(line) || SIGNATURE_DELIMITER.test(line) || DEVICE_SIGNATURE.test(line)) break;
    if (WROTE_LINE.test(line) && line.length < 300 && /\d|@/.test(line)) break;
    if (FROM_LINE.test(line) && lines.slice(index + 1, index + 5).some((next) => SENT_LINE.test(next.trim()))) break;
    if (line.startsWith('>')) continue;
    kept.push(lines[index]!);
  }
  const text = kept.join('\n').trim();
  // A message that is nothing but a quote (a bare forward) still has to be read.
  return text.length > 0 ? text : lines.filter((line) => !line.trim().startsWith('>')).join('\n').trim() || body;
}

/** "Re: SV: AW: Fwd:" prefixes and [CMP-…] tags say nothing about the complaint. */
export function cleanSubject(subject: string): string {
  return subject
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/^(?:\s*(?:re|sv|aw|vs|vl|fw|fwd|wg|vb|ang|antw|vast|svar)\s*(?:\[\d+\])?\s*:)+/giu, ' ')
    .trim();
}

/** A reply ("Re:", "SV:", "AW:", …) keeps the subject of the message it answers, often ours. */
export function isReplySubject(subject: string): boolean {
  return /^\s*(?:\[[^\]]*\]\s*)?(?:re|sv|aw|vs|vb|wg|antw|vast|svar|fw|fwd)\s*(?:\[\d+\])?\s*:/iu.test(subject);
}

/** Links, addresses and anything with a digit in it (order numbers, prices, dates) carry no language. */
export function withoutCodes(text: string): string {
  return text
    .replace(RUNAWAY_TOKEN, ' ')
    .replace(/\b(?:https?:\/\/|www\.)\S+/giu, ' ')
    .replace(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu, ' ')
    .replace(/\S*\d\S*/gu, ' ');
}

/** Lower-cased words (letters and inner apostrophes). */
export function words(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}+(?:['’]\p{L}+)*/gu) ?? []).filter((word) => word.length <= MAX_WORD_CHARS);
}

/**
 * No word, code or link in a complaint runs this long without a space; a run that does is noise
 * (an unbroken line of base64, a mis-decoded charset), and the patterns above would scan it once
 * per starting position: seconds of CPU for one 20 000-character run.
 */
const RUNAWAY_TOKEN = /\S{200,}/gu;
const MAX_WORD_CHARS = 64;

/**
 * Folds what customers type differently on foreign keyboards: diacritics stripped, æ → ae,
 * ø → o, ß → ss. Cues and text are folded the same way before matching, so "ødelagt",
 * "odelagt" and "Ödelagt" all match the cue "ødelagt".
 */
export function fold(text: string): string {
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/ß/g, 'ss')
    .replace(/[’`´]/g, "'")
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
}
