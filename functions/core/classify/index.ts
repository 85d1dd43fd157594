/**
 * Classifies a complaint: language, category and severity, with the signals that decided them.
 * Pure: no I/O, no network; the category configuration (categories.json) is compiled once, on
 * first use. See README.md beside this file.
 *
 * The bundled categories.json is validated by the test suite (category-config.test.ts), not here:
 * a mistake then fails CI with the offending field named instead of failing every inbound mail,
 * and zod stays out of this import graph. A configuration from elsewhere goes through
 * validateCategoryConfig / parseCategoryConfig (category-config.ts) and compileCategoryConfig.
 */
import type { Classification } from '../complaint.ts';
import categoriesJson from './categories.json' with { type: 'json' };
import { compileCategoryConfig, type CompiledCategories } from './category-compile.ts';
import type { CategoryConfig } from './category-config.ts';
import { modelGrams } from './category-model-features.ts';
import { classifyCategory } from './category.ts';
import { cueText } from './cues.ts';
import { detectLanguage } from './language.ts';
import { classifySeverity, type UrgentKind } from './severity.ts';
import { cleanSubject, isReplySubject, ownText, withoutCodes } from './text.ts';

export { compileCategoryConfig } from './category-compile.ts';
export type { CompiledCategories } from './category-compile.ts';
export type { CategoryConfig } from './category-config.ts';
export { SUPPORTED_LANGUAGES, detectLanguage } from './language.ts';
export type { UrgentKind } from './severity.ts';

export interface ClassifyOptions {
  /** The language of the customer's earlier messages: used when the text does not decide. */
  previousLanguage?: string | undefined;
  /** Categories compiled from another configuration than the bundled categories.json. */
  categories?: CompiledCategories | undefined;
}

export interface DetailedClassification extends Classification {
  languageConfidence: number;
  /** The text did not decide the language; the previous or default language was used. */
  languageFellBack: boolean;
  categoryScores: Record<string, number>;
  /** Why the complaint is urgent: legal, authority, safety, exposure, data (empty unless urgent). */
  urgentKinds: UrgentKind[];
}

let defaultCategories: CompiledCategories | undefined;

/** The bundled categories.json, compiled once (validated by the tests; see above). */
export function bundledCategories(): CompiledCategories {
  defaultCategories ??= compileCategoryConfig(categoriesJson as unknown as CategoryConfig);
  return defaultCategories;
}

/** Capitalised words of five letters or more and runs of "!!": shouting, a mild sign of anger. */
export function shouting(text: string): number {
  const capitals = (text.match(/\b\p{Lu}{5,}\b/gu) ?? []).length;
  const bangs = (text.match(/!{2,}/g) ?? []).length;
  return capitals + bangs;
}

export function classifyDetailed(subject: string, body: string, defaultLanguage: string, options: ClassifyOptions = {}): DetailedClassification {
  const cleanedSubject = cleanSubject(subject);
  const own = ownText(body);
  const language = detectLanguage(withoutCodes(`${cleanedSubject}\n${own}`), { defaultLanguage, previousLanguage: options.previousLanguage });
  const languageUncertain = language.fellBack || language.confidence < 0.2;
  const subjectText = cueText(cleanedSubject);
  const bodyText = cueText(own);
  const grams = modelGrams(subject, body);
  const category = classifyCategory(
    { subject: subjectText, body: bodyText, language: language.language, languageUncertain, subjectIsReply: isReplySubject(subject), grams },
    options.categories ?? bundledCategories(),
  );
  const severity = classifySeverity({
    subject: subjectText,
    body: bodyText,
    language: language.language,
    languageUncertain,
    shouting: shouting(`${cleanedSubject}\n${own}`),
    grams,
  });
  return {
    language: language.language,
    category: category.category,
    severity: severity.severity,
    signals: [`language ${language.language} (confidence ${language.confidence.toFixed(2)}; ${language.reason})`, ...category.signals, ...severity.signals],
    languageConfidence: language.confidence,
    languageFellBack: language.fellBack,
    categoryScores: category.scores,
    urgentKinds: severity.urgentKinds,
  };
}

/**
 * The intake's entry point. `defaultLanguage` is used when the text cannot tell (after the
 * customer's previous language, if given in `options`).
 */
export function classify(subject: string, body: string, defaultLanguage: string, options: ClassifyOptions = {}): Classification {
  const { language, category, severity, signals } = classifyDetailed(subject, body, defaultLanguage, options);
  return { language, category, severity, signals };
}
