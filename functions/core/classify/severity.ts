/**
 * Severity: urgent for threats of legal action or a consumer/data authority, safety hazards and
 * injuries, threats of public exposure (press, social media, review sites) and personal data
 * exposed; high for anger, repetition and ultimatums; otherwise normal. Cues in
 * severity-cues.ts, concept pairs in severity-concepts.ts; a complaint is urgent when its urgent
 * evidence adds up to URGENT_SCORE.
 */
import type { Severity } from '../complaint.ts';
import { ClaimedWords, compileCue, cueSpans, sentenceStart, type CompiledCue, type CueText } from './cues.ts';
import { ACCESS_REQUESTS, BACKDROPS, CONCEPTS, DISMISSALS, HARMLESS_SENSES, HEARSAY_KEEPS, PAIR_RULES, READINGS, REFUSALS, RELATIONS, type ConceptName, type PairRule } from './severity-concepts.ts';
import { HIGH_CUES, URGENT_CUES, type StrengthLists, type UrgentKind } from './severity-cues.ts';
import { bundledUrgentModel, urgentProbability } from './urgent-model-score.ts';

export type { UrgentKind } from './severity-cues.ts';

export const URGENT_SCORE = 2;
/**
 * How much the learned urgent model's p(urgent) adds to the cue score (urgent-model-score.ts):
 * with no cue it takes p >= 0.73, with a weak cue (0.5) p >= 0.55. Chosen with batches 7, 8, 9 and
 * 10 each held out (tools/cross-validate-urgent.ts, README.md).
 */
export const URGENT_MODEL_WEIGHT = 2.75;
export const HIGH_SCORE = 2;
const STRENGTH_WEIGHTS = { strong: 2, medium: 1.5, normal: 1, weak: 0.5 } as const;
/** Languages whose severity words a writer in the key language also uses. */
const RELATED: Record<string, readonly string[]> = { da: ['nb', 'sv'], nb: ['da', 'sv'], sv: ['da', 'nb'] };
/** A safety cue written "~dangerous" is deniable ("it is not dangerous"); other safety cues never are. */
const DENIABLE_MARK = '~';

/**
 * Words that deny a threat when they come just before it ("I'm not going to sue", "Ich will Sie
 * nicht verklagen", "En aio haastaa ketään oikeuteen"), per language: Danish/Swedish "en" is "a".
 */
const NEGATIONS: Record<string, readonly string[]> = {
  en: ['not', 'never', "don't", "won't", "i'm not", 'no', 'nobody', "nobody's", 'noone', "no-one's", "isn't", "aren't", "wouldn't", 'dont', 'wont', 'without', 'neither', 'nothing'],
  da: ['ikke', 'aldrig', 'ingen', 'intet', 'ingenting', 'uden'],
  nb: ['ikke', 'aldri', 'ingen', 'intet', 'ingenting', 'ikkje', 'uten'],
  sv: ['inte', 'aldrig', 'ingen', 'inget', 'inga', 'ingenting', 'icke', 'utan'],
  de: ['nicht', 'kein', 'keine', 'keinen', 'nichts', 'niemals', 'nie', 'ohne'],
  et: ['ei', 'mitte', 'pole', 'ära'],
  fi: ['en', 'et', 'ei', 'emme', 'ette', 'eivat', 'enka', 'eika'],
};
/** Words that turn a denial back into a threat: "if you don't pay I will sue", "I won't hesitate to". */
const KEEPS_THREAT = new Set([
  'if', 'unless', 'otherwise', 'hesitate', 'choice', 'option', 'alternative', 'longer', 'until',
  'hvis', 'medmindre', 'ellers', 'tove', 'valg', 'lenger', 'laengere', 'annars', 'tveka', 'val', 'langre',
  'wenn', 'falls', 'sonst', 'zogern', 'wahl', 'mehr', 'bis', 'kui', 'muidu', 'kohkle', 'valikut', 'jos', 'muuten', 'epaile', 'eparoi', 'vaihtoehtoa',
]);
const NEGATION_WINDOW = 5;
/** How far back a condition ("if", "kui", "jos") still reaches. */
const CONDITION_WINDOW = 10;
/** How far after a threat a dismissal ("…but it's not worth it", "…men det gider jeg ikke") still reaches. */
const DISMISSAL_WINDOW = 10;
/** How far before a threat a refusal ("I don't want to … go to court") still reaches, within its sentence. */
const REFUSAL_WINDOW = 12;
/** How close (either side, same sentence) reading or seeing makes a press or review word a source, not a threat. */
const READING_WINDOW = 4;
/** What single data cues count together when the message asks for its own data (GDPR article 15). */
const ACCESS_REQUEST_DATA_CAP = 0.5;
const DENIABLE: ReadonlySet<UrgentKind | 'high'> = new Set(['legal', 'authority', 'exposure']);
/** How close before a legal or exposure word a relative must be to make it hearsay ("my wife is a journalist"). */
const RELATION_WINDOW = 4;
/** How far after hearsay an offer or condition still turns it into a threat ("… has offered to take it on if …"). */
const HEARSAY_THREAT_WINDOW = 12;
const HEARSAY_WEIGHT = 0.5;

function negationsOf(language: string): ReadonlySet<string> {
  return new Set([...(NEGATIONS[language] ?? []), ...NEGATIONS.en!]);
}

/** A negation shortly before, in the same sentence, and no condition that keeps the threat. */
function negated(start: number, text: CueText, negations: ReadonlySet<string>): boolean {
  const { words } = text;
  const before = words.slice(Math.max(0, start - NEGATION_WINDOW, sentenceStart(text, start)), start);
  const clause = words.slice(Math.max(0, start - CONDITION_WINDOW), start);
  return before.some((word) => negations.has(word) || word.endsWith("n't")) && !clause.some((word) => KEEPS_THREAT.has(word));
}

export interface SeverityInput {
  subject: CueText;
  body: CueText;
  language: string;
  languageUncertain: boolean;
  /** Words in capitals and runs of "!" in the customer's own text (shouting). */
  shouting: number;
  /** Word parts of the customer's own text (category-model-features.ts), for the learned urgent model; without them the cues decide alone. */
  grams?: ReadonlySet<string>;
}

export interface SeverityResult {
  severity: Severity;
  /** Why it is urgent (empty unless urgent). */
  urgentKinds: UrgentKind[];
  signals: string[];
  /** The urgent evidence the cues found (urgent from URGENT_SCORE). */
  urgentScore: number;
  /** Anger, repetition, ultimatums and shouting (high from HIGH_SCORE together with urgentScore). */
  angerScore: number;
  /** False for a request for one's own data: its data words are the learned model's strongest urgent evidence, and no leak. */
  learnedModelApplies: boolean;
}

interface SeverityCue extends CompiledCue {
  deniable: boolean;
}

interface Group {
  kind: UrgentKind | 'high';
  language: string;
  lists: StrengthLists;
  /** Compiled on first use: a message needs the groups of a few languages only. */
  compiled?: SeverityCue[];
}

let groupList: Group[] | undefined;

function groups(): Group[] {
  if (groupList) return groupList;
  groupList = [];
  for (const [kind, byLanguage] of Object.entries(URGENT_CUES) as Array<[UrgentKind, Record<string, StrengthLists>]>) {
    for (const [language, lists] of Object.entries(byLanguage)) groupList.push({ kind, language, lists });
  }
  for (const [language, lists] of Object.entries(HIGH_CUES)) groupList.push({ kind: 'high', language, lists });
  return groupList;
}

function compileList(list: string, weight: number, kindDeniable: boolean): SeverityCue[] {
  const cues: SeverityCue[] = [];
  for (const written of list.split('|')) {
    if (!written) continue;
    const marked = written.startsWith(DENIABLE_MARK);
    const cue = compileCue(marked ? written.slice(1) : written, weight);
    cues.push({ ...cue, deniable: kindDeniable || marked });
  }
  return cues;
}

function cuesOf(group: Group): SeverityCue[] {
  if (group.compiled) return group.compiled;
  const cues: SeverityCue[] = [];
  for (const [strength, weight] of Object.entries(STRENGTH_WEIGHTS)) {
    const list = group.lists[strength as keyof StrengthLists];
    if (list) cues.push(...compileList(list, weight, DENIABLE.has(group.kind)));
  }
  group.compiled = cues;
  return cues;
}

const conceptCache = new Map<string, SeverityCue[]>();

/** The cues of a concept (severity-concepts.ts) in one language. */
function conceptCues(concept: ConceptName, language: string): SeverityCue[] {
  const key = `${concept} ${language}`;
  let cues = conceptCache.get(key);
  if (!cues) {
    cues = compileList(CONCEPTS[concept][language] ?? '', 1, false);
    conceptCache.set(key, cues);
  }
  return cues;
}

const listCache = new Map<Record<string, string>, Map<string, CompiledCue[]>>();

/** The compiled phrases of a per-language list (dismissals, relations) for one language. */
function listCues(lists: Record<string, string>, language: string): CompiledCue[] {
  let byLanguage = listCache.get(lists);
  if (!byLanguage) listCache.set(lists, (byLanguage = new Map()));
  let cues = byLanguage.get(language);
  if (!cues) {
    cues = (lists[language] ?? '').split('|').filter(Boolean).map((cue) => compileCue(cue));
    byLanguage.set(language, cues);
  }
  return cues;
}

/** Every compiled cue, for tests that check the lists are valid. */
export function severityCues(): ReadonlyArray<{
  kind: UrgentKind | 'high' | ConceptName | 'dismissal' | 'relation' | 'hearsayKeep' | 'refusal' | 'reading' | 'backdrop' | 'accessRequest' | 'harmless';
  language: string;
  cue: CompiledCue;
}> {
  const concepts = (Object.keys(CONCEPTS) as ConceptName[]).flatMap((concept) =>
    Object.keys(CONCEPTS[concept]).flatMap((language) => conceptCues(concept, language).map((cue) => ({ kind: concept, language, cue }))),
  );
  const phrases = (
    [
      ['dismissal', DISMISSALS],
      ['relation', RELATIONS],
      ['hearsayKeep', HEARSAY_KEEPS],
      ['refusal', REFUSALS],
      ['reading', READINGS],
      ['backdrop', BACKDROPS],
      ['accessRequest', ACCESS_REQUESTS],
      ['harmless', HARMLESS_SENSES],
    ] as const
  ).flatMap(([kind, lists]) =>
    Object.keys(lists).flatMap((language) => listCues(lists, language).map((cue) => ({ kind, language, cue }))),
  );
  return [...groups().flatMap((group) => cuesOf(group).map((cue) => ({ kind: group.kind, language: group.language, cue }))), ...concepts, ...phrases];
}

/** Languages whose cues count for a text in `language`. */
function cueLanguages(input: SeverityInput): string[] {
  // Urgent words are worth a false alarm more than a miss: English always counts (Trustpilot,
  // "social media", "lawyer" turn up in every language), neighbours count, and everything
  // counts when the language itself is a guess.
  const all = Object.keys(HIGH_CUES);
  if (input.languageUncertain || !all.includes(input.language)) return all;
  return [...new Set([input.language, 'en', ...(RELATED[input.language] ?? [])])];
}

interface TextContext {
  text: CueText;
  where: 'subject' | 'body';
  negations: ReadonlySet<string>;
  /** Word indexes where a dismissal ("not worth it", "det gider jeg ikke") starts. */
  dismissals: number[];
  /** Word indexes of relatives and friends ("my wife", "Svogeren min", "Meine Frau"). */
  relations: number[];
  /** Word indexes of offers and conditions that keep hearsay a threat. */
  hearsayKeeps: number[];
  /** Word indexes of refusals ("I don't want to", "ei taha"). */
  refusals: number[];
  /** Word indexes of reading or seeing ("In der Presse hatte ich gelesen"). */
  readings: number[];
  /** Word indexes of time long past ("years ago", "vor drei Jahren"). */
  backdrops: number[];
  /** Spans of harmless senses ("food court", "by post"): cue words inside them do not count. */
  harmless: Array<[number, number]>;
}

/**
 * A lawyer or journalist who is the customer's relative or friend, with no offer or condition
 * after it, is hearsay ("my wife is a journalist and says I should just ask"), not a threat.
 */
function hearsay(spans: ReadonlyArray<readonly [number, number]>, context: TextContext): boolean {
  return spans.every(
    ([start, end]) =>
      context.relations.some((at) => at < start && start - at <= RELATION_WINDOW) && !context.hearsayKeeps.some((at) => at >= end && at - end <= HEARSAY_THREAT_WINDOW),
  );
}

/** Spans of the cue that are not denied ("not going to court", "lawyer … says it's not worth it"). */
function liveSpans(cue: SeverityCue, context: TextContext): Array<[number, number]> {
  const spans = cueSpans(cue, context.text).filter(([start, end]) => !context.harmless.some(([from, to]) => from <= start && end <= to));
  if (!cue.deniable) return spans;
  return spans.filter(
    ([start, end]) =>
      !negated(start, context.text, context.negations) &&
      !refused(start, context) &&
      !context.dismissals.some((at) => at >= end && at - end <= DISMISSAL_WINDOW && sentenceStart(context.text, at) <= start),
  );
}

/** A refusal shortly before, in the same sentence, with no condition between ("I don't want to … go to court"). */
function refused(start: number, context: TextContext): boolean {
  const { text } = context;
  return context.refusals.some(
    (at) => at < start && start - at <= REFUSAL_WINDOW && sentenceStart(text, at) === sentenceStart(text, start) && !text.words.slice(at, start).some((word) => KEEPS_THREAT.has(word)),
  );
}

function sameSentenceNear(at: number, start: number, end: number, window: number, text: CueText): boolean {
  return sentenceStart(text, at) === sentenceStart(text, start) && at >= start - window && at <= end + window;
}

/** Spans a kind-specific reading discounts: a press word someone read, an injury years ago. */
function discounted(kind: UrgentKind | 'high', spans: Array<[number, number]>, context: TextContext): Array<[number, number]> {
  if (kind === 'exposure') return spans.filter(([start, end]) => !context.readings.some((at) => sameSentenceNear(at, start, end, READING_WINDOW, context.text)));
  if (kind === 'safety') return spans.filter(([start]) => !context.backdrops.some((at) => sentenceStart(context.text, at) === sentenceStart(context.text, start)));
  return spans;
}

interface Hit {
  kind: UrgentKind | 'high';
  cue: string;
  points: number;
}

function conceptSpans(concept: ConceptName, languages: readonly string[], context: TextContext): Array<[number, number]> {
  return languages.flatMap((language) => conceptCues(concept, language).flatMap((cue) => cueSpans(cue, context.text)));
}

/** Pairs of concepts close together: "someone else's … photos", "gum … bled", "smoke … charger". */
function pairHits(languages: readonly string[], contexts: readonly TextContext[]): Hit[] {
  const hits: Hit[] = [];
  for (const rule of PAIR_RULES) {
    for (const context of contexts) {
      const match = pairMatch(rule, languages, context);
      if (match) {
        hits.push({ kind: rule.kind, cue: `${rule.first} + ${rule.second}: ${match}`, points: STRENGTH_WEIGHTS[rule.strength] });
        break;
      }
    }
  }
  return hits;
}

/** The words of the first close pair of the rule's concepts, or undefined. */
function pairMatch(rule: PairRule, languages: readonly string[], context: TextContext): string | undefined {
  const firsts = conceptSpans(rule.first, languages, context);
  if (firsts.length === 0) return undefined;
  const seconds = conceptSpans(rule.second, languages, context);
  if (seconds.length === 0) return undefined;
  const blockers = rule.unlessBefore ? conceptSpans(rule.unlessBefore, languages, context).map(([start]) => start) : [];
  const nearBlockers = rule.unlessNear ? conceptSpans(rule.unlessNear, languages, context) : [];
  const relationWindow = rule.unlessAfterRelation;
  const { words } = context.text;
  for (const [firstStart, firstEnd] of firsts) {
    for (const [secondStart, secondEnd] of seconds) {
      const overlap = firstStart < secondEnd && secondStart < firstEnd;
      const firstComesFirst = firstStart < secondStart;
      const gap = firstComesFirst ? secondStart - firstEnd : firstStart - secondEnd;
      if (overlap || gap > (firstComesFirst ? rule.window : (rule.windowAfter ?? rule.window))) continue;
      const start = Math.min(firstStart, secondStart);
      if (blockers.some((at) => at < start && start - at <= 5)) continue;
      const end = Math.max(firstEnd, secondEnd);
      if (nearBlockers.some(([blockStart, blockEnd]) => blockEnd >= start - 3 && blockStart <= end + 3)) continue;
      if (relationWindow !== undefined && context.relations.some((at) => at < start && start - at <= relationWindow)) continue;
      if (rule.deniable && negated(start, context.text, context.negations)) continue;
      return `${words.slice(firstStart, firstEnd).join(' ')} … ${words.slice(secondStart, secondEnd).join(' ')}`;
    }
  }
  return undefined;
}

/** Anger, repetition and ultimatum cues plus shouting (at most 2), without the urgent evidence. */
function angerScoreOf(found: ReadonlyMap<string, Hit>, shouting: number): number {
  let score = Math.min(2, shouting * 0.5);
  for (const hit of found.values()) if (hit.kind === 'high') score += hit.points;
  return score;
}

export function classifySeverity(input: SeverityInput): SeverityResult {
  const languages = cueLanguages(input);
  const negations = negationsOf(input.language);
  const contexts: TextContext[] = (['subject', 'body'] as const).map((where) => {
    const text = input[where];
    const starts = (lists: Record<string, string>) => languages.flatMap((language) => listCues(lists, language).flatMap((cue) => cueSpans(cue, text).map(([start]) => start)));
    return {
      text,
      where,
      negations,
      dismissals: starts(DISMISSALS),
      relations: starts(RELATIONS),
      hearsayKeeps: starts(HEARSAY_KEEPS),
      refusals: starts(REFUSALS),
      readings: starts(READINGS),
      backdrops: starts(BACKDROPS),
      harmless: languages.flatMap((language) => listCues(HARMLESS_SENSES, language).flatMap((cue) => cueSpans(cue, text))),
    };
  });

  // Every live occurrence, strongest first; within a kind, words a stronger cue took count once
  // ("Instagram-postauksenne" is one mention of Instagram, not two).
  const candidates: Array<Hit & { key: string; where: 'subject' | 'body'; spans: Array<[number, number]> }> = [];
  for (const group of groups()) {
    if (!languages.includes(group.language)) continue;
    for (const cue of cuesOf(group)) {
      for (const context of contexts) {
        const spans = discounted(group.kind, liveSpans(cue, context), context);
        if (spans.length === 0) continue;
        const heard = (group.kind === 'legal' || group.kind === 'exposure') && hearsay(spans, context);
        const points = heard ? Math.min(cue.weight, HEARSAY_WEIGHT) : cue.weight;
        candidates.push({ kind: group.kind, cue: heard ? `${cue.source} (hearsay)` : cue.source, points, key: `${group.kind} ${cue.key}`, where: context.where, spans });
      }
    }
  }
  candidates.sort((a, b) => b.points - a.points);
  const found = new Map<string, Hit>();
  const claimed = new Map<string, ClaimedWords>();
  for (const candidate of candidates) {
    if (found.has(candidate.key)) continue;
    const claimKey = `${candidate.kind} ${candidate.where}`;
    let words = claimed.get(claimKey);
    if (!words) claimed.set(claimKey, (words = new ClaimedWords()));
    if (!words.claim(candidate.spans)) continue;
    found.set(candidate.key, { kind: candidate.kind, cue: candidate.cue, points: candidate.points });
  }
  // Asking for one's own data: its own-data words are not a leak; a pair (someone else's data) still counts.
  const accessRequest = contexts.some((context) => languages.some((language) => listCues(ACCESS_REQUESTS, language).some((cue) => cueSpans(cue, context.text).length > 0)));
  if (accessRequest) {
    let dataPoints = 0;
    for (const [key, hit] of found) {
      if (hit.kind !== 'data') continue;
      const points = Math.min(hit.points, Math.max(0, ACCESS_REQUEST_DATA_CAP - dataPoints));
      dataPoints += points;
      if (points === 0) found.delete(key);
      else found.set(key, { ...hit, cue: `${hit.cue} (own data asked for)`, points });
    }
  }
  for (const hit of pairHits(languages, contexts)) found.set(`${hit.kind} pair ${hit.cue}`, hit);

  const urgentHits = [...found.values()].filter((hit) => hit.kind !== 'high').sort((a, b) => b.points - a.points);
  const urgentScore = urgentHits.reduce((sum, hit) => sum + hit.points, 0);
  // Below URGENT_SCORE the learned model may make up the difference: cues + weight × p(urgent).
  // An own-data request is not consulted: held out, the model read "article 15 … personal data" as a leak.
  const learnedModelApplies = !accessRequest;
  const learned = urgentScore < URGENT_SCORE && input.grams && learnedModelApplies ? urgentProbability(bundledUrgentModel(), input.grams) : 0;
  if (urgentScore + URGENT_MODEL_WEIGHT * learned >= URGENT_SCORE) {
    const kinds = [...new Set(urgentHits.map((hit) => hit.kind as UrgentKind))];
    const model = learned > 0 ? [`urgent by the learned model: p ${learned.toFixed(2)} × ${URGENT_MODEL_WEIGHT} + cues ${urgentScore}`] : [];
    return {
      severity: 'urgent',
      urgentKinds: kinds,
      signals: [...urgentHits.map((hit) => `urgent ${hit.kind} cue "${hit.cue}"`), ...model],
      urgentScore,
      angerScore: angerScoreOf(found, input.shouting),
      learnedModelApplies,
    };
  }
  const highHits = [...found.values()].filter((hit) => hit.kind === 'high').sort((a, b) => b.points - a.points);
  const angerScore = angerScoreOf(found, input.shouting);
  const highScore = angerScore + urgentScore;
  const below = urgentHits.map((hit) => `urgent ${hit.kind} cue "${hit.cue}" (not enough alone)`);
  if (highScore >= HIGH_SCORE) {
    const shouting = input.shouting > 0 ? [`high: shouting (${input.shouting})`] : [];
    return { severity: 'high', urgentKinds: [], signals: [...highHits.map((hit) => `high cue "${hit.cue}"`), ...shouting, ...below], urgentScore, angerScore, learnedModelApplies };
  }
  return { severity: 'normal', urgentKinds: [], signals: below, urgentScore, angerScore, learnedModelApplies };
}
