// The editor of one criterion of the filter bar, in a popover under whatever opened it
// (its chip, "Filter", or a column's menu). Applying it filters at once.
import Popover from '@mui/material/Popover';
import type { GridFilterName, GridFilters } from '@shared/grid-settings';
import { useTranslation } from 'react-i18next';
import { useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';
import { useFilterEditorStore } from '@renderer/features/api-keys/stores/filter-editor-store';
import { ChoiceCriterion } from '@renderer/features/api-keys/components/filters/choice-criterion';
import { DateCriterion } from '@renderer/features/api-keys/components/filters/date-criterion';
import { LastUseCriterion } from '@renderer/features/api-keys/components/filters/last-use-criterion';
import { TextCriterion } from '@renderer/features/api-keys/components/filters/text-criterion';

export function FilterEditor(): React.JSX.Element | null {
  const { t } = useTranslation('apiKeys');
  const editing = useFilterEditorStore((state) => state.editing);
  const close = useFilterEditorStore((state) => state.close);
  const filters = useApiKeysStore((state) => state.filters);
  if (!editing) return null;
  const { name } = editing;
  const set = (value: GridFilters[GridFilterName] | undefined): void => {
    close();
    useApiKeysStore.getState().setFilter(name, value);
  };
  const common = {
    title: t('filters.editorTitle', { criterion: t(`filters.criteria.${name}`) }),
    onApply: (value: NonNullable<GridFilters[GridFilterName]>) => set(value),
    onRemove: () => set(undefined),
    onCancel: close,
  };
  return (
    <Popover
      open
      anchorEl={editing.anchor}
      onClose={close}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
      transformOrigin={{ vertical: 'top', horizontal: 'left' }}
      // Keys typed in the editor are its own, not the grid's.
      onKeyDown={(event) => event.stopPropagation()}
    >
      {(name === 'search' || name === 'title' || name === 'id' || name === 'createdBy') && <TextCriterion {...common} name={name} value={filters[name]} />}
      {(name === 'role' || name === 'status') && <ChoiceCriterion {...common} name={name} value={filters[name]} />}
      {(name === 'expires' || name === 'created') && <DateCriterion {...common} name={name} value={filters[name]} />}
      {name === 'lastUse' && <LastUseCriterion {...common} name={name} value={filters[name]} />}
    </Popover>
  );
}
