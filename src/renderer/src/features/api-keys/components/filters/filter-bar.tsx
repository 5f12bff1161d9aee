// The criteria in use, as chips under the toolbar: a click edits one, its cross removes it
// (or Delete on the focused chip); "Clear filters" and "Save this view…" beside them. When
// the services, not the server, filtered the keys (JMap Cloud), a discreet line says so.
import Clear from '@mui/icons-material/Clear';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { formatNumber } from '@renderer/lib/formatting';
import { activeFilters } from '@renderer/features/api-keys/lib/grid-filters';
import { filterLabel } from '@renderer/features/api-keys/lib/filter-labels';
import { useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';
import { useFilterEditorStore } from '@renderer/features/api-keys/stores/filter-editor-store';

const time = (iso: string, locale: string): string => new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(iso));

export function FilterBar({ locale, onSaveView }: { locale: string; onSaveView: () => void }): React.JSX.Element | null {
  const { t } = useTranslation('apiKeys');
  const { filters, localEvaluation, setFilter, setFilters } = useApiKeysStore(
    useShallow((state) => ({ filters: state.filters, localEvaluation: state.localEvaluation, setFilter: state.setFilter, setFilters: state.setFilters })),
  );
  const edit = useFilterEditorStore((state) => state.edit);
  // The search has its own box; the other criteria show here.
  const chips = activeFilters(filters).filter((name) => name !== 'search');
  if (chips.length === 0 && localEvaluation === null) return null;
  return (
    <Box role="region" aria-label={t('filters.inUse')} sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, px: 1, pb: 1 }}>
      {chips.map((name) => {
        const label = filterLabel(t, filters, name, locale) ?? name;
        return (
          <Chip
            key={name}
            label={label}
            size="small"
            color="primary"
            variant="outlined"
            onClick={(event) => edit(name, event.currentTarget)}
            onDelete={() => setFilter(name, undefined)}
            deleteIcon={<Clear titleAccess={t('filters.remove', { label })} />}
          />
        );
      })}
      {chips.length > 0 && (
        <>
          <Button size="small" onClick={() => setFilters(filters.search === undefined ? {} : { search: filters.search })}>
            {t('filters.clear')}
          </Button>
          <Button size="small" onClick={onSaveView}>
            {t('views.save')}
          </Button>
        </>
      )}
      {localEvaluation !== null && (
        <Typography variant="caption" color="text.secondary" sx={{ flexBasis: chips.length > 0 ? '100%' : 'auto' }}>
          {t('page.localEvaluation', { count: formatNumber(localEvaluation.keyCount, locale), time: time(localEvaluation.fetchedAt, locale) })}
        </Typography>
      )}
    </Box>
  );
}
