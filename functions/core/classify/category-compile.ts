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
  /** Cues by language ("*" for every language). */
  cues: ReadonlyMap<string, readonly CompiledCue[]>;
}

export interface CompiledCategories {
  fallbackCategory: string;
  subjectWeight: number;
  minimumScore: number;
  modelBelowScore: number;
  relatedLanguages: Readonly<Record<string, Readonly<Record<string, number>>>>;
  categories: readonly CompiledCategory[];
}

export function compileCategoryConfig(config: CategoryConfig): CompiledCategories {
  return {
    fallbackCategory: config.fallbackCategory,
    subjectWeight: config.subjectWeight,
    minimumScore: config.minimumScore,
    modelBelowScore: config.modelBelowScore,
    relatedLanguages: config.relatedLanguages,
    categories: Object.entries(config.categories).map(([name, category]) => ({
      name,
      label: category.label ?? name,
      cues: new Map(
        Object.entries(category.cues).map(([language, lists]) => {
          const groups: Array<[Strength, readonly string[] | undefined]> = Array.isArray(lists)
            ? [['normal', lists]]
            : (Object.keys(STRENGTHS) as Strength[]).map((strength) => [strength, lists[strength]]);
          return [language, groups.flatMap(([strength, cues]) => (cues ?? []).map((cue) => compileCue(cue, STRENGTHS[strength])))];
        }),
      ),
    })),
  };
}
