// An import problem in the person's language: the back end sends a reason key and its values
// (lupaus-store's import/problems.rs) beside its English sentence, which the CLI prints. The
// window words the key itself, naming a column by its key in the person's language.
import type { Problem } from '../bindings';
import { en } from '../locales/en';
import { translate, type Language, type MessageKey } from '../i18n';

function known(key: string): key is MessageKey {
  return key in en;
}

/** A column's name (`field` key, e.g. `received`) as the person's language writes it. */
export function fieldName(language: Language, field: string): string {
  const key = `import.field.${field}`;
  return known(key) ? translate(language, key) : field;
}

/**
 * The sentence for a problem: the import's own words for its reason, else the core's words for
 * the same reason (a compensation the lifecycle refuses), else the back end's English.
 */
export function problemText(language: Language, problem: Problem): string {
  const values: Record<string, string> = { ...problem.params };
  if (values.field) values.field = fieldName(language, values.field);
  for (const key of [`import.problem.${problem.reason}`, `reason.${problem.reason}`]) {
    if (known(key)) return translate(language, key, values);
  }
  return problem.message;
}

/** The column a problem is about: as headed in the file, or, for a missing one, its name. */
export function problemColumn(language: Language, problem: Problem): string {
  if (problem.reason === 'missing_column' && problem.params.field) return fieldName(language, problem.params.field);
  return problem.column;
}
