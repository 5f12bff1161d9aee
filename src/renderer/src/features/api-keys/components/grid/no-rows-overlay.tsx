// What the grid shows without rows: "no match" for a filtered query, or "No API keys yet"
// with the create button. A load error is said above the grid (outage-alert.tsx).
import Add from '@mui/icons-material/Add';
import KeyOutlined from '@mui/icons-material/KeyOutlined';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { isFiltered } from '@renderer/features/api-keys/lib/grid-query';
import { useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';
import { ToolbarActionsContext } from '@renderer/features/api-keys/components/grid/api-keys-toolbar';

export function NoRowsOverlay(): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const actions = useContext(ToolbarActionsContext);
  const loadError = useApiKeysStore((state) => state.loadError);
  const filtered = useApiKeysStore((state) => isFiltered(state.filters));

  // Nothing to add under the error said above the grid.
  if (loadError !== null) return <></>;
  let content: React.JSX.Element;
  if (filtered) {
    content = <Typography color="text.secondary">{t('page.noMatch')}</Typography>;
  } else {
    content = (
      <>
        <KeyOutlined sx={{ fontSize: 48, color: 'text.disabled' }} />
        <Typography variant="h6" component="p">
          {t('page.empty')}
        </Typography>
        <Typography color="text.secondary" sx={{ maxWidth: 420, textAlign: 'center' }}>
          {t('page.emptyHint')}
        </Typography>
        <Button variant="contained" startIcon={<Add />} onClick={actions?.onCreate}>
          {t('page.create')}
        </Button>
      </>
    );
  }
  return (
    <Stack sx={{ height: '100%', alignItems: 'center', justifyContent: 'center', gap: 1.5, p: 3, pointerEvents: 'auto' }}>
      {content}
    </Stack>
  );
}
