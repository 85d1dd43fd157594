/**
 * Severity: urgent for threats of legal action or a consumer/data authority, safety hazards and
 * injuries, threats of public exposure (press, social media, review sites) and personal data
 * exposed; high for anger, repetition and ultimatums; otherwise normal. Cues in
 * severity-cues.ts; a complaint is urgent when its urgent cues add up to URGENT_SCORE.
 */
import type { Severity } from '../complaint.ts';
import { compileCue, cueSpans, type CompiledCue, type CueText } from './cues.ts';
import { HIGH_CUES, URGENT_CUES, type StrengthLists, type UrgentKind } from './severity-cues.ts';

export type { UrgentKind } from './severity-cues.ts';

export const URGENT_SCORE = 2;
export const HIGH_SCORE = 2;
const STRENGTH_WEIGHTS = { strong: 2, medium: 1.5, normal: 1, weak: 0.5 } as const;
/** Languages whose severity words a writer in the key language also uses. */
const RELATED: Record<string, readonly string[]> = { da: ['nb', 'sv'], nb: ['da', 'sv'], sv: ['da', 'nb'] };

/**
 * Words that deny a threat when they come just before it ("I'm not going to sue", "Ich will Sie
 * nicht verklagen", "En aio haastaa ketään oikeuteen"), per language: Danish/Swedish "en" is "a".
 */
const NEGATIONS: Record<string, readonly string[]> = {
  en: ['not', 'never', "don't", "won't", "i'm not", 'no', 'nobody', "isn't", "aren't", "wouldn't", "dont", "wont"],
  da: ['ikke', 'aldrig', 'ingen'],
  nb: ['ikke', 'aldri', 'ingen', 'ikkje'],
  sv: ['inte', 'aldrig', 'ingen', 'icke'],
  de: ['nicht', 'kein', 'keine', 'keinen', 'niemals', 'nie'],
  et: ['ei', 'mitte', 'pole', 'ära'],
  fi: ['en', 'et', 'ei', 'emme', 'ette', 'eivat', 'enka', 'eika'],
};
/** Words that turn a denial back into a threat: "if you don't pay I will sue", "I won't hesitate to". */
const KEEPS_THREAT = new Set([
  'if', 'unless', 'otherwise', 'hesitate', 'choice', 'option', 'alternative', 'longer', 'until',
  'hvis', 'medmindre', 'ellers', 'tove', 'valg', 'lenger', 'laengere', 'om', 'annars', 'tveka', 'val', 'langre',
  'wenn', 'falls', 'sonst', 'zogern', 'wahl', 'mehr', 'bis', 'kui', 'muidu', 'kohkle', 'valikut', 'jos', 'muuten', 'epaile', 'eparoi', 'vaihtoehtoa',
]);
const NEGATION_WINDOW = 5;
/** How far back a condition ("if", "kui", "jos") still reaches. */
const CONDITION_WINDOW = 10;
const DENIABLE: ReadonlySet<UrgentKind | 'high'> = new Set(['legal', 'authority', 'exposure']);

function negated(start: number, words: readonly string[], language: string): boolean {
  const negations = new Set([...(NEGATIONS[language] ?? []), ...NEGATIONS.en!]);
  const before = words.slice(Math.max(0, start - NEGATION_WINDOW), start);
  const clause = words.slice(Math.max(0, start - CONDITION_WINDOW), start);
  return before.some((word) => negations.has(word) || word.endsWith("n't")) && !clause.some((word) => KEEPS_THREAT.has(word));
}

/** Does the cue occur, not counting threats the customer denies in the same breath? */
function occurs(cue: CompiledCue, text: CueText, deniable: boolean, language: string): boolean {
  const spans = cueSpans(cue, text);
  return deniable ? spans.some(([start]) => !negated(start, text.words, language)) : spans.length > 0;
}

export interface SeverityInput {
  subject: CueText;
  body: CueText;
  language: string;
  languageUncertain: boolean;
  /** Words in capitals and runs of "!" in the customer's own text (shouting). */
  shouting: number;
}

export interface SeverityResult {
  severity: Severity;
  /** Why it is urgent (empty unless urgent). */
  urgentKinds: UrgentKind[];
  signals: string[];
}

interface Group {
  kind: UrgentKind | 'high';
  language: string;
  lists: StrengthLists;
  /** Compiled on first use: a message needs the groups of a few languages only. */
  compiled?: CompiledCue[];
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

function cuesOf(group: Group): CompiledCue[] {
  if (group.compiled) return group.compiled;
  const cues: CompiledCue[] = [];
  for (const [strength, weight] of Object.entries(STRENGTH_WEIGHTS)) {
    const list = group.lists[strength as keyof StrengthLists];
    if (list) for (const cue of list.split('|')) if (cue) cues.push(compileCue(cue, weight));
  }
  group.compiled = cues;
  return cues;
}

/** Every compiled cue, for tests that check the lists are valid. */
export function severityCues(): ReadonlyArray<{ kind: UrgentKind | 'high'; language: string; cue: CompiledCue }> {
  return groups().flatMap((group) => cuesOf(group).map((cue) => ({ kind: group.kind, language: group.language, cue })));
}

function applies(cueLanguage: string, input: SeverityInput): boolean {
  // Urgent words are worth a false alarm more than a miss: English always counts (Trustpilot,
  // "social media", "lawyer" turn up in every language), neighbours count, and everything
  // counts when the language itself is a guess.
  return input.languageUncertain || cueLanguage === input.language || cueLanguage === 'en' || (RELATED[input.language]?.includes(cueLanguage) ?? false) || !(input.language in HIGH_CUES);
}

export function classifySeverity(input: SeverityInput): SeverityResult {
  const found = new Map<string, { kind: UrgentKind | 'high'; cue: string; points: number }>();
  for (const group of groups()) {
    if (!applies(group.language, input)) continue;
    for (const cue of cuesOf(group)) {
      const deniable = DENIABLE.has(group.kind);
      if (!occurs(cue, input.subject, deniable, input.language) && !occurs(cue, input.body, deniable, input.language)) continue;
      const key = `${group.kind} ${cue.key}`;
      const previous = found.get(key);
      if (!previous || previous.points < cue.weight) found.set(key, { kind: group.kind, cue: cue.source, points: cue.weight });
    }
  }
  const urgentHits = [...found.values()].filter((hit) => hit.kind !== 'high').sort((a, b) => b.points - a.points);
  const urgentScore = urgentHits.reduce((sum, hit) => sum + hit.points, 0);
  if (urgentScore >= URGENT_SCORE) {
    const kinds = [...new Set(urgentHits.map((hit) => hit.kind as UrgentKind))];
    return {
      severity: 'urgent',
      urgentKinds: kinds,
      signals: urgentHits.map((hit) => `urgent ${hit.kind} cue "${hit.cue}"`),
    };
  }
  const highHits = [...found.values()].filter((hit) => hit.kind === 'high').sort((a, b) => b.points - a.points);
  const highScore = highHits.reduce((sum, hit) => sum + hit.points, 0) + Math.min(2, input.shouting * 0.5) + urgentScore;
  const below = urgentHits.map((hit) => `urgent ${hit.kind} cue "${hit.cue}" (not enough alone)`);
  if (highScore >= HIGH_SCORE) {
    const shouting = input.shouting > 0 ? [`high: shouting (${input.shouting})`] : [];
    return { severity: 'high', urgentKinds: [], signals: [...highHits.map((hit) => `high cue "${hit.cue}"`), ...shouting, ...below] };
  }
  return { severity: 'normal', urgentKinds: [], signals: below };
}
