// "Edit…" and "Replace key…" as buttons, for the information dialog: the key's dialog
// closes and the chosen one opens (stores/key-change-store.ts).
import Button from '@mui/material/Button';
import type { ApiKey } from '@shared/api-types';
import { useTranslation } from 'react-i18next';
import { useKeyChangeStore } from '@renderer/features/api-keys/stores/key-change-store';

export function KeyChangeButtons({ apiKey, onChosen }: { apiKey: ApiKey; onChosen: () => void }): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const choose = (kind: 'edit' | 'rotate'): void => {
    onChosen();
    useKeyChangeStore.getState().open({ kind, apiKey });
  };
  return (
    <>
      <Button onClick={() => choose('edit')}>{t('keyChange.actions.edit')}</Button>
      <Button onClick={() => choose('rotate')} sx={{ mr: 'auto' }}>
        {t('keyChange.actions.rotate')}
      </Button>
    </>
  );
}
