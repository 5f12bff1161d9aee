// A localized date whose tooltip gives the exact time (seconds and time zone).
import Tooltip from '@mui/material/Tooltip';
import { formatDate, formatExactTime } from '../../lib/formatting';

export function DateCell({ iso, locale }: { iso: string; locale: string }): React.JSX.Element {
  return (
    <Tooltip title={formatExactTime(iso, locale)} placement="bottom-start" describeChild>
      <span>{formatDate(iso, locale)}</span>
    </Tooltip>
  );
}
