// A key's status as a chip: a colour and an icon, and always the word, never colour alone.
import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import ErrorOutlined from '@mui/icons-material/ErrorOutlined';
import ScheduleOutlined from '@mui/icons-material/ScheduleOutlined';
import Chip from '@mui/material/Chip';
import type { ApiKeyStatus } from '@shared/api-types';
import { useTranslation } from 'react-i18next';

const APPEARANCE = {
  ACTIVE: { color: 'success', Icon: CheckCircleOutlined },
  EXPIRING_SOON: { color: 'warning', Icon: ScheduleOutlined },
  EXPIRED: { color: 'error', Icon: ErrorOutlined },
} as const;

export function StatusChip({ status }: { status: ApiKeyStatus }): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const { color, Icon } = APPEARANCE[status];
  return <Chip size="small" variant="outlined" color={color} icon={<Icon />} label={t(`status.${status}`)} />;
}
