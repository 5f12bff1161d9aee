// An entry's outcome as a chip: a colour and an icon, and always the word.
import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import ErrorOutlined from '@mui/icons-material/ErrorOutlined';
import WarningAmberOutlined from '@mui/icons-material/WarningAmberOutlined';
import Chip from '@mui/material/Chip';
import type { ActivityOutcomeStatus } from '@shared/activity-log';

const APPEARANCE = {
  succeeded: { color: 'success', Icon: CheckCircleOutlined },
  failed: { color: 'error', Icon: ErrorOutlined },
  partial: { color: 'warning', Icon: WarningAmberOutlined },
} as const;

export function OutcomeChip({ status, label }: { status: ActivityOutcomeStatus; label: string }): React.JSX.Element {
  const { color, Icon } = APPEARANCE[status];
  return <Chip size="small" variant="outlined" color={color} icon={<Icon />} label={label} />;
}
