import type { Classification } from '../complaint.ts';
import { classifyCategory } from './category.ts';
import { detectLanguage } from './language.ts';
import { classifySeverity } from './severity.ts';

export function classify(subject: string, body: string, defaultLanguage: string): Classification {
  const text = `${subject}\n${body}`;
  const language = detectLanguage(text, defaultLanguage);
  const category = classifyCategory(text);
  const severity = classifySeverity(text);
  return {
    language: language.language,
    category: category.category,
    severity: severity.severity,
    signals: [`language ${language.language} (confidence ${language.confidence.toFixed(2)})`, ...category.signals, ...severity.signals],
  };
}
