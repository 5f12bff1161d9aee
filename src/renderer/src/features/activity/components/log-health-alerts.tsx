// What the admin must know about the log itself: lines that could not be read (a crash
// mid-write, a hand edit, a newer KeyDesk) and a change that could not be written.
import Alert from '@mui/material/Alert';
import type { ActivityPage } from '@shared/activity-log';
import { useTranslation } from 'react-i18next';
import { formatExactTime, formatNumber } from '@renderer/lib/formatting';

export function LogHealthAlerts({ page, locale }: { page: ActivityPage; locale: string }): React.JSX.Element {
  const { t } = useTranslation('activity');
  const { problems, writeFailure } = page;
  return (
    <>
      {writeFailure && (
        <Alert severity="error">{t('page.writeFailure', { date: formatExactTime(writeFailure.at, locale), fsCode: writeFailure.fsCode })}</Alert>
      )}
      {problems.count > 0 && (
        <Alert severity="warning">
          {t('page.problems', { number: formatNumber(problems.count, locale) })}
          <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
            {problems.first.map((problem) => (
              <li key={`${problem.file}:${problem.line}`}>
                {t('page.problemLine', { file: problem.file, line: formatNumber(problem.line, locale), reason: t(`page.problemReasons.${problem.reason}`) })}
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </>
  );
}
