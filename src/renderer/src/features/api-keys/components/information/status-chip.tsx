// A key's status as a chip: a colour and an icon, and always the word, never colour alone.
// The label comes from the caller: a grid cell should not subscribe to i18n on its own.
import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import ErrorOutlined from '@mui/icons-material/ErrorOutlined';
import ScheduleOutlined from '@mui/icons-material/ScheduleOutlined';
import Chip from '@mui/material/Chip';
import type { ApiKeyStatus } from '@shared/api-types';

const APPEARANCE = {
  ACTIVE: { color: 'success', Icon: CheckCircleOutlined },
  EXPIRING_SOON: { color: 'warning', Icon: ScheduleOutlined },
  EXPIRED: { color: 'error', Icon: ErrorOutlined },
} as const;

export function StatusChip({ status, label }: { status: ApiKeyStatus; label: string }): React.JSX.Element {
  const { color, Icon } = APPEARANCE[status];
  return <Chip size="small" variant="outlined" color={color} icon={<Icon />} label={label} />;
}
