/**
 * Turns a validated category configuration into matchers. Kept apart from the zod schema
 * (category-config.ts) so the Lambda bundle does not carry zod for the bundled file.
 */
import type { CategoryConfig } from './category-config.ts';
import { compileCue, type CompiledCue } from './cues.ts';

/** How much a cue counts, by the group it is listed in. */
export const STRENGTHS = { strong: 2, medium: 1.5, normal: 1, weak: 0.5 } as const;
export type Strength = keyof typeof STRENGTHS;

export interface CompiledCategory {
  name: string;
  label: string;
  /** Languages with cues ("*" for every language). */
  languages: readonly string[];
  /** The compiled cues of one language, compiled on first use: a message needs only a few languages. */
  cuesFor(language: string): readonly CompiledCue[];
}

export interface CompiledCategories {
  fallbackCategory: string;
  subjectWeight: number;
  minimumScore: number;
  modelBelowScore: number;
  /** How many cue points the model's certainty is worth when it is consulted. */
  modelWeight: number;
  relatedLanguages: Readonly<Record<string, Readonly<Record<string, number>>>>;
  categories: readonly CompiledCategory[];
}

export function compileCategoryConfig(config: CategoryConfig): CompiledCategories {
  return {
    fallbackCategory: config.fallbackCategory,
    subjectWeight: config.subjectWeight,
    minimumScore: config.minimumScore,
    modelBelowScore: config.modelBelowScore,
    modelWeight: config.modelWeight,
    relatedLanguages: config.relatedLanguages,
    categories: Object.entries(config.categories).map(([name, category]) => ({
      name,
      label: category.label ?? name,
      ...lazyCues(category.cues),
    })),
  };
}

function lazyCues(lists: CategoryConfig['categories'][string]['cues']): Pick<CompiledCategory, 'languages' | 'cuesFor'> {
  const compiled = new Map<string, readonly CompiledCue[]>();
  return {
    languages: Object.keys(lists),
    cuesFor(language) {
      let cues = compiled.get(language);
      if (cues) return cues;
      const entry = lists[language];
      const groups: Array<[Strength, readonly string[] | undefined]> =
        entry === undefined ? [] : Array.isArray(entry) ? [['normal', entry]] : (Object.keys(STRENGTHS) as Strength[]).map((strength) => [strength, entry[strength]]);
      cues = groups.flatMap(([strength, list]) => (list ?? []).map((cue) => compileCue(cue, STRENGTHS[strength])));
      compiled.set(language, cues);
      return cues;
    },
  };
}
