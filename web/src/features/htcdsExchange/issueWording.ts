import { HTCDS_IMPORT_MAX_BYTES, HTCDS_ISSUE_CODES, type HtcdsIssue } from '@seamless/contracts';
import type { TFunction } from 'i18next';
import { ApiProblem } from '../../api/problem';
import { errorMessage } from '../../lib/errors';
import { oneOf } from '../../lib/oneOf';
import { formatBytes } from '../caseRecord/notes/files';

/** Refusals of the import routes themselves, before any file content is read. */
export const EXCHANGE_PROBLEMS = ['file_required', 'file_too_large', 'dry_run_has_errors', 'not_a_dry_run'] as const;
type ExchangeProblem = (typeof EXCHANGE_PROBLEMS)[number];

/**
 * An issue in the reader's language, from its code and params; the server's English message
 * only for a code this interface does not know yet.
 */
export function issueMessage(t: TFunction, issue: HtcdsIssue, locale: string): string {
  const code = oneOf(issue.code, HTCDS_ISSUE_CODES);
  if (!code) return issue.message;
  const message = t(`htcdsExchange.issue.${code}`, {
    column: issue.column ?? '',
    ...issue.params,
    // The limit is ours, worded in the reader's units rather than the server's byte count.
    ...(code === 'file_too_large' ? { max: formatBytes(HTCDS_IMPORT_MAX_BYTES, locale) } : {}),
  });
  const suggestion = issue.params.suggestion;
  return suggestion === undefined || suggestion === '' ? message : t('htcdsExchange.issueHint.suggestion', { message, suggestion });
}

/**
 * The problem's code: one outside the shared problem vocabulary is dropped by the client, but
 * the problem's `type` still names it.
 */
function exchangeProblemOf(error: ApiProblem): ExchangeProblem | undefined {
  return (
    oneOf(error.code, EXCHANGE_PROBLEMS) ??
    oneOf(error.type.split(':').pop(), EXCHANGE_PROBLEMS) ??
    (error.status === 413 ? 'file_too_large' : undefined)
  );
}

/** One sentence for a failed import or export request. */
export function exchangeProblemMessage(t: TFunction, error: unknown, locale: string): string {
  const code = error instanceof ApiProblem ? exchangeProblemOf(error) : undefined;
  return code ? t(`htcdsExchange.problem.${code}`, { size: formatBytes(HTCDS_IMPORT_MAX_BYTES, locale) }) : errorMessage(t, error);
}
