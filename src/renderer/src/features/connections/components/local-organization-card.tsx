// "Open local organization": the bundled demo organization, no network or password.
import ComputerIcon from '@mui/icons-material/ComputerOutlined';
import { Alert, Button, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '@shared/session';
import { SectionCard } from '@renderer/components/section-card';
import { call } from '@renderer/lib/keydesk-client';
import { errorMessage } from '@renderer/i18n/error-message';
import { useConnectionsStore } from '@renderer/features/connections/stores/connections-store';

export function LocalOrganizationCard({ onConnected }: { onConnected(session: SessionInfo): void }): React.JSX.Element {
  const { t } = useTranslation('connections');
  const busy = useConnectionsStore((state) => state.busy);
  const run = useConnectionsStore((state) => state.run);
  const [error, setError] = useState<string | null>(null);
  const opening = busy?.kind === 'local';

  const open = (): void => {
    setError(null);
    void run({ kind: 'local' }, async () => {
      try {
        onConnected(await call('openLocalOrganization'));
      } catch (failure) {
        setError(errorMessage(failure));
      }
    });
  };

  return (
    <SectionCard titleId="local-organization-title" title={t('local.title')} icon={<ComputerIcon color="secondary" aria-hidden />}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('local.body')}
      </Typography>
      {error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error}
        </Alert>
      )}
      <Button variant="outlined" color="secondary" onClick={open} loading={opening} disabled={busy !== null && !opening}>
        {t('local.open')}
      </Button>
    </SectionCard>
  );
}
