import { Alert, Table } from '@mantine/core';
import type { SubmissionProblem } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from './ScrollRegion';
import { columnLetter, isWorkbookProblemCode } from './workbookProblems';

/** Every problem of a refused file, by row and column as the spreadsheet program shows them, so all are fixed in one go. */
export function WorkbookProblemsTable({ problems }: { problems: SubmissionProblem[] }) {
  const { t } = useTranslation();
  const wording = (problem: SubmissionProblem) =>
    isWorkbookProblemCode(problem.code) ? t(`reconciliation.workbook.code.${problem.code}`) : problem.message;
  return (
    <Alert color="red" variant="light" role="alert" title={t('reconciliation.workbook.problemsTitle')}>
      <ScrollRegion label={t('reconciliation.workbook.problemsLabel')}>
        <Table verticalSpacing={4} miw={420}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('reconciliation.workbook.row')}</Table.Th>
              <Table.Th scope="col">{t('reconciliation.workbook.column')}</Table.Th>
              <Table.Th scope="col">{t('reconciliation.workbook.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {problems.map((problem, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a file can have the same problem twice in one place; only its position tells them apart
              <Table.Tr key={index}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{problem.row ?? t('reconciliation.workbook.wholeFile')}</Table.Td>
                <Table.Td>{problem.column === null ? t('reconciliation.workbook.anyColumn') : columnLetter(problem.column)}</Table.Td>
                <Table.Td>{wording(problem)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </Alert>
  );
}
