import type { FieldError, FormDefinition, FormField } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../api/problem';
import { fieldErrorMessage } from '../../lib/fieldErrorMessage';
import { issueMessage } from './configuredForm';

/**
 * Messages per field key for a configured form, in the reader's language: the issues found before
 * sending, then the server's field errors under `pathPrefix` (they win: they are the latest word).
 */
export function useFormAnswerErrors(
  definition: FormDefinition | null,
  issues: readonly FieldError[],
  serverError: unknown,
  pathPrefix = 'formAnswers',
): Record<string, string> {
  const { t } = useTranslation();
  const fields = new Map<string, FormField>(definition?.groups.flatMap((group) => group.fields.map((field) => [field.key, field])) ?? []);
  const serverErrors = serverError instanceof ApiProblem ? serverError.errors : [];
  const messages: Record<string, string> = {};
  for (const error of [...issues, ...serverErrors]) {
    const { path, code, message } = error;
    if (!path.startsWith(`${pathPrefix}.`)) continue;
    const key = path.slice(pathPrefix.length + 1).split('.')[0] ?? '';
    const field = fields.get(key);
    if (!field) continue;
    const known = issueMessage(field, code);
    if (known) messages[key] = t(`configuration.answerError.${known.key}`, known.values ?? {});
    else messages[key] = fieldErrorMessage(t, error) ?? message;
  }
  return messages;
}
