// "Open local organization": the bundled demo organization, no network or password.
import ComputerIcon from '@mui/icons-material/ComputerOutlined';
import { Alert, Button, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '@shared/session';
import { SectionCard } from '@renderer/components/section-card';
import type { AppError } from '@shared/errors';
import { errorMessage } from '@renderer/i18n/error-message';
import { useConnectionsStore } from '@renderer/features/connections/stores/connections-store';

export function LocalOrganizationCard({ onConnected }: { onConnected(session: SessionInfo): void }): React.JSX.Element {
  const { t } = useTranslation('connections');
  const busy = useConnectionsStore((state) => state.busy);
  const openLocal = useConnectionsStore((state) => state.openLocal);
  const [error, setError] = useState<AppError | null>(null);
  const opening = busy?.kind === 'local';

  const open = async (): Promise<void> => {
    setError(null);
    const outcome = await openLocal();
    if (outcome.kind === 'connected') onConnected(outcome.session);
    else if (outcome.kind === 'failed') setError(outcome.error);
  };

  return (
    <SectionCard titleId="local-organization-title" title={t('local.title')} icon={<ComputerIcon color="secondary" aria-hidden />}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('local.body')}
      </Typography>
      {error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {errorMessage(error)}
        </Alert>
      )}
      <Button variant="outlined" color="secondary" onClick={() => void open()} loading={opening} disabled={busy !== null && !opening}>
        {t('local.open')}
      </Button>
    </SectionCard>
  );
}
