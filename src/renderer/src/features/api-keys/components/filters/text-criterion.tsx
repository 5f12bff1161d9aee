// "Title contains …", "Id contains …", "Created by contains …": one text, a substring.
import TextField from '@mui/material/TextField';
import { MAX_FILTER_TEXT_LENGTH } from '@shared/api-key-list-query';
import { searchText } from '@shared/api-types';
import { gridFiltersSchema } from '@shared/grid-settings';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CriterionEditorProps } from '@renderer/features/api-keys/components/filters/criterion-editor-props';
import { EditorFrame } from '@renderer/features/api-keys/components/filters/editor-frame';

export function TextCriterion({ name, value, title, onApply, onRemove, onCancel }: CriterionEditorProps<'search' | 'title' | 'id' | 'createdBy'>): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const [text, setText] = useState(value ?? '');
  const [error, setError] = useState<string | null>(null);
  return (
    <EditorFrame
      title={title}
      inUse={value !== undefined}
      onRemove={onRemove}
      onCancel={onCancel}
      onApply={() => {
        // A pasted tab or line break is a space, as in the search box.
        const parsed = gridFiltersSchema.shape[name].safeParse(searchText(text, MAX_FILTER_TEXT_LENGTH));
        if (!parsed.success || parsed.data === undefined) setError(t('filters.needText'));
        else onApply(parsed.data);
      }}
    >
      <TextField
        label={t('filters.contains')}
        value={text}
        autoFocus
        size="small"
        error={error !== null}
        helperText={error}
        onChange={(event) => {
          setText(event.target.value);
          setError(null);
        }}
        slotProps={{ htmlInput: { maxLength: MAX_FILTER_TEXT_LENGTH } }}
      />
    </EditorFrame>
  );
}
