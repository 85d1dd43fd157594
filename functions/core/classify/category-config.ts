/**
 * The category configuration admins edit (categories.json; see README.md beside this file):
 * category names, per-language cue lists, weights. Validated with zod/mini; every problem is
 * reported with the field it is in, e.g.
 *   categories.billing.cues.da.3: "*" may only start or end a word (in "tilbage*betal")
 */
import * as z from 'zod/mini';
import { formatZodIssues } from '../errors.ts';
import { cueProblem } from './cues.ts';

export { STRENGTHS, compileCategoryConfig, type CompiledCategories, type CompiledCategory, type Strength } from './category-compile.ts';

const cueString = z.string().check(
  z.superRefine((cue, context) => {
    const problem = cueProblem(cue);
    if (problem) context.addIssue({ code: 'custom', message: problem, input: cue });
  }),
);

/** A language's cues: a plain list (all "normal"), or lists grouped by strength. */
const cueLists = z.union(
  [
    z.array(cueString),
    z.strictObject({
      strong: z.optional(z.array(cueString)),
      medium: z.optional(z.array(cueString)),
      normal: z.optional(z.array(cueString)),
      weak: z.optional(z.array(cueString)),
    }),
  ],
  { error: 'a list of cues such as ["refund*", "charged twice"], or { "strong": [...], "medium": [...], "normal": [...], "weak": [...] }' },
);

/** "en", "da", "nb", … or "*" for cues that hold in every language (brand names, carriers). */
const languageKey = z.string().check(z.regex(/^(?:[a-z]{2,3}|\*)$/, 'a language code such as "en", "da", "nb", or "*" for every language'));

const categoryName = z.string().check(
  z.regex(/^[a-z][a-z0-9_-]{0,39}$/, 'a category name is lower case letters, digits, "-" or "_" (at most 40), starting with a letter'),
);

const categorySchema = z.strictObject({
  /** Shown to agents; defaults to the name. */
  label: z.optional(z.string().check(z.minLength(1))),
  description: z.optional(z.string()),
  cues: z.record(languageKey, cueLists),
});

export const categoryConfigSchema = z
  .strictObject({
    $comment: z.optional(z.string()),
    version: z.literal(1, 'version must be 1'),
    /** The category when no cue scores at least minimumScore. It must be one of the categories. */
    fallbackCategory: categoryName,
    /** How much more a cue counts when it is in the subject than in the body. */
    subjectWeight: z._default(z.number().check(z.minimum(1, 'subjectWeight must be at least 1'), z.maximum(10, 'subjectWeight must be at most 10')), 2),
    /**
     * Below this cue score (2 = one strong cue) the statistical model (category-model.ts, trained
     * on the labelled complaints) decides among the categories it knows; 0 turns it off.
     */
    modelBelowScore: z._default(z.number().check(z.minimum(0, 'modelBelowScore must be 0 (off) or more')), 2),
    /**
     * What the model's verdict is worth, in cue points, when it is consulted: its probability for
     * each category times this is added to the category's cue score.
     */
    modelWeight: z._default(z.number().check(z.minimum(0, 'modelWeight must be 0 or more'), z.maximum(100, 'modelWeight must be at most 100')), 2),
    /** The least score a category needs to be chosen over the fallback. */
    minimumScore: z._default(z.number().check(z.positive('minimumScore must be greater than 0')), 1),
    /**
     * How much cues written for another language count: cues of the detected language count 1;
     * a language listed here under the detected one counts by the factor given (Danish and
     * Norwegian read each other's words; English loanwords turn up everywhere).
     */
    relatedLanguages: z._default(z.record(languageKey, z.record(languageKey, z.number().check(z.minimum(0), z.maximum(1)))), {}),
    categories: z.record(categoryName, categorySchema),
  })
  .check(
    z.superRefine((config, context) => {
      const names = Object.keys(config.categories);
      if (names.length === 0) context.addIssue({ code: 'custom', message: 'at least one category is needed', path: ['categories'], input: config.categories });
      if (!names.includes(config.fallbackCategory)) {
        context.addIssue({
          code: 'custom',
          message: `"${config.fallbackCategory}" is not one of the categories (${names.join(', ')})`,
          path: ['fallbackCategory'],
          input: config.fallbackCategory,
        });
      }
    }),
  );

export type CategoryConfig = z.output<typeof categoryConfigSchema>;
export type CategoryConfigInput = z.input<typeof categoryConfigSchema>;

export type CategoryConfigResult = { ok: true; config: CategoryConfig } | { ok: false; message: string };

export class CategoryConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CategoryConfigError';
  }
}

/** Validates a parsed JSON document; the message names the source and each offending field. */
export function validateCategoryConfig(json: unknown, sourceName: string): CategoryConfigResult {
  const result = categoryConfigSchema.safeParse(json);
  if (result.success) return { ok: true, config: result.data };
  const details = formatZodIssues(result.error);
  return { ok: false, message: `Invalid category configuration in ${sourceName}:\n${details}` };
}

export function parseCategoryConfig(json: unknown, sourceName: string): CategoryConfig {
  const result = validateCategoryConfig(json, sourceName);
  if (!result.ok) throw new CategoryConfigError(result.message);
  return result.config;
}
