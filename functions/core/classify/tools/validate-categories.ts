/**
 * Checks a category configuration before it is deployed:
 *
 *   npx tsx functions/core/classify/tools/validate-categories.ts [path/to/categories.json]
 *
 * Prints every problem with the field it is in and exits 1, or says how many cues it has.
 * Programs call validateCategoryConfig (category-config.ts) directly.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileCategoryConfig, validateCategoryConfig } from '../category-config.ts';

const path = process.argv[2] ?? fileURLToPath(new URL('../categories.json', import.meta.url));
let json: unknown;
try {
  json = JSON.parse(readFileSync(path, 'utf8'));
} catch (error) {
  console.error(`${path}: not readable JSON: ${(error as Error).message}`);
  process.exit(1);
}
const result = validateCategoryConfig(json, path);
if (!result.ok) {
  console.error(result.message);
  process.exit(1);
}
const compiled = compileCategoryConfig(result.config);
const cues = compiled.categories.reduce((sum, category) => sum + category.languages.reduce((n, language) => n + category.cuesFor(language).length, 0), 0);
console.log(`${path}: valid: ${compiled.categories.map((category) => category.name).join(', ')} (fallback ${compiled.fallbackCategory}); ${cues} cues`);
