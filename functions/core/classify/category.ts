/**
 * Category by weighted cues from the category configuration (categories.json): each cue that
 * occurs counts its strength, times the subject weight when it is in the subject, times how
 * close its language is to the detected one. The best category wins if it scores at least the
 * configured minimum; otherwise the fallback category ("other").
 */
import { STRENGTHS, type CompiledCategories } from './category-compile.ts';
import { modelCategory, type CategoryModel } from './category-model-score.ts';
import { ClaimedWords, cueSpans, type CueText } from './cues.ts';

/** The model needs a few grams it knows before its verdict means anything. */
const MODEL_MIN_KNOWN = 8;

/**
 * What a person did or failed to do (a strong service cue: rude staff, the technician never came,
 * pressed badly, worse after the repair) outweighs the object or the bill it happened around:
 * the product and billing scores of the same complaint are multiplied by this.
 */
const PERSON_WORK_CATEGORY = 'service';
const OBJECT_CATEGORIES: ReadonlySet<string> = new Set(['product', 'billing']);
const OBJECT_DAMPING = 0.5;

export interface CategoryInput {
  subject: CueText;
  body: CueText;
  language: string;
  /** The language was a fallback: cues of every language count a little. */
  languageUncertain: boolean;
  /** The subject is a reply's ("Re: …"): it repeats the earlier message, so it counts like the body. */
  subjectIsReply?: boolean;
  /** Character 4-grams of the text, for the statistical back-off (category-model-features.ts). */
  grams?: ReadonlySet<string>;
}

export interface CategoryResult {
  category: string;
  /** Score per category, for tuning and for agents. */
  scores: Record<string, number>;
  signals: string[];
}

/** How much cues written for `cueLanguage` count for a text in `language`. */
export function languageFactor(categories: Pick<CompiledCategories, 'relatedLanguages'>, language: string, cueLanguage: string, uncertain: boolean): number {
  if (cueLanguage === '*' || cueLanguage === language) return 1;
  const related = categories.relatedLanguages[language]?.[cueLanguage];
  if (related !== undefined) return related;
  // A language with no entry of its own (or a guess we are unsure of): everything counts a bit.
  if (uncertain || categories.relatedLanguages[language] === undefined) return 0.5;
  return 0;
}

export interface ModelOptions {
  /** Another model than the bundled one (cross-validation trains its own). */
  model?: CategoryModel;
  sharpness?: number;
}

export function classifyCategory(input: CategoryInput, categories: CompiledCategories, modelOptions: ModelOptions = {}): CategoryResult {
  const scores: Record<string, number> = {};
  const evidence: Record<string, Array<{ cue: string; points: number; where: string }>> = {};
  let personWork = false;
  for (const category of categories.categories) {
    // Every occurrence of every applicable cue, strongest first; the same cue written under
    // several languages (faktura, advokat) and cues on words a stronger cue took count once.
    const candidates: Array<{ key: string; cue: string; strength: number; points: number; where: 'subject' | 'body'; spans: Array<[number, number]> }> = [];
    for (const cueLanguage of category.languages) {
      const factor = languageFactor(categories, input.language, cueLanguage, input.languageUncertain);
      if (factor <= 0) continue;
      for (const cue of category.cuesFor(cueLanguage)) {
        const inSubject = cueSpans(cue, input.subject);
        const subjectWeight = input.subjectIsReply ? 1 : categories.subjectWeight;
        if (inSubject.length > 0) candidates.push({ key: cue.key, cue: cue.source, strength: cue.weight, points: cue.weight * factor * subjectWeight, where: 'subject', spans: inSubject });
        const inBody = cueSpans(cue, input.body);
        if (inBody.length > 0) candidates.push({ key: cue.key, cue: cue.source, strength: cue.weight, points: cue.weight * factor, where: 'body', spans: inBody });
      }
    }
    candidates.sort((a, b) => b.points - a.points);
    const counted = new Set<string>();
    const claimed = { subject: new ClaimedWords(), body: new ClaimedWords() };
    const matched: Array<{ cue: string; points: number; where: string }> = [];
    for (const candidate of candidates) {
      if (counted.has(candidate.key)) continue;
      if (!claimed[candidate.where].claim(candidate.spans)) continue;
      counted.add(candidate.key);
      matched.push(candidate);
      if (category.name === PERSON_WORK_CATEGORY && candidate.strength >= STRENGTHS.strong) personWork = true;
    }
    scores[category.name] = round(matched.reduce((sum, entry) => sum + entry.points, 0));
    evidence[category.name] = matched;
  }
  if (personWork) for (const name of OBJECT_CATEGORIES) if (scores[name] !== undefined) scores[name] = round(scores[name] * OBJECT_DAMPING);
  let winner = categories.fallbackCategory;
  let top = 0;
  for (const category of categories.categories) {
    const score = scores[category.name] ?? 0;
    if (score > top) {
      top = score;
      winner = category.name;
    }
  }
  if (top < categories.minimumScore) winner = categories.fallbackCategory;
  const ranking = Object.entries(scores)
    .filter(([, score]) => score > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([name, score]) => `${name} ${score}`)
    .join(', ');

  // Weak cues: the model trained on labelled complaints has seen more wording than the lists. Its
  // tempered probability counts up to modelWeight cue points, so a clear cue still outvotes a
  // hesitant model and the model settles what the cues leave open.
  if (input.grams && top < categories.modelBelowScore) {
    const verdict = modelCategory(input.grams, new Set(categories.categories.map((category) => category.name)), modelOptions.model, modelOptions.sharpness);
    if (verdict && verdict.known >= MODEL_MIN_KNOWN) {
      let blendedWinner = winner;
      let blendedTop = -1;
      for (const category of categories.categories) {
        const blended = (scores[category.name] ?? 0) + categories.modelWeight * (verdict.probabilities[category.name] ?? 0);
        if (blended > blendedTop) {
          blendedTop = blended;
          blendedWinner = category.name;
        }
      }
      const byModel = Object.entries(verdict.probabilities)
        .filter(([, probability]) => probability >= 0.05)
        .sort((a, b) => b[1] - a[1])
        .map(([name, probability]) => `${name} ${probability.toFixed(2)}`)
        .join(', ');
      return {
        category: blendedWinner,
        scores,
        signals: [`category ${blendedWinner}: cues ${ranking || 'none'}; word-part model ${byModel} (${verdict.known} known parts, worth ${categories.modelWeight} cue points)`],
      };
    }
  }

  const cues = (evidence[winner] ?? []).slice(0, 6).map((entry) => `"${entry.cue}"${entry.where === 'subject' ? ' (subject)' : ''}`);
  const signals =
    top < categories.minimumScore
      ? [`category ${winner}: no category scored ${categories.minimumScore}${ranking ? ` (${ranking})` : ''}`]
      : [`category ${winner} (${ranking}): ${cues.join(', ')}`];
  return { category: winner, scores, signals };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
