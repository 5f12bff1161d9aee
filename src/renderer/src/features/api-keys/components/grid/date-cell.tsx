// A localized date whose tooltip gives the exact time (seconds and time zone). The MUI
// Tooltip is mounted only once the pointer or the focus reaches the date: a page of rows
// then costs two spans per row, not two tooltips.
import Tooltip from '@mui/material/Tooltip';
import { useState } from 'react';
import { formatDate, formatExactTime } from '@renderer/lib/formatting';

export function DateCell({ iso, locale }: { iso: string; locale: string }): React.JSX.Element {
  const [active, setActive] = useState(false);
  const date = formatDate(iso, locale);
  if (!active) {
    return (
      <span onMouseEnter={() => setActive(true)} onFocus={() => setActive(true)}>
        {date}
      </span>
    );
  }
  return (
    <Tooltip title={formatExactTime(iso, locale)} placement="bottom-start" describeChild open>
      <span onMouseLeave={() => setActive(false)} onBlur={() => setActive(false)}>
        {date}
      </span>
    </Tooltip>
  );
}
