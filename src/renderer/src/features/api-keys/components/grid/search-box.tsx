// The search over a key's title, id and creator's name (the list's `search`), asked a
// moment after typing stops. Ctrl/Cmd+F comes here (SEARCH_BOX_ID).
import Clear from '@mui/icons-material/Clear';
import Search from '@mui/icons-material/Search';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import { MAX_FILTER_TEXT_LENGTH } from '@shared/api-key-list-query';
import { searchText } from '@shared/api-types';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';

export const SEARCH_BOX_ID = 'api-keys-search';
const DEBOUNCE_MS = 400;

export function SearchBox({ hint }: { hint: string }): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const applied = useApiKeysStore((state) => state.filters.search ?? '');
  const [text, setText] = useState(applied);
  const [shown, setShown] = useState(applied);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // A view or "Clear filters" changes the search from elsewhere: show it (React's way of
  // following a value during render, without an effect).
  if (shown !== applied) {
    setShown(applied);
    if (text.trim() !== applied) setText(applied);
  }
  useEffect(() => () => clearTimeout(timer.current), []);

  const apply = (value: string, delay: number): void => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      // A pasted tab or line break becomes a space (the contract refuses control characters).
      const search = searchText(value, MAX_FILTER_TEXT_LENGTH);
      if (search !== (useApiKeysStore.getState().filters.search ?? '')) useApiKeysStore.getState().setFilter('search', search === '' ? undefined : search);
    }, delay);
  };

  return (
    <TextField
      type="search"
      size="small"
      value={text}
      placeholder={t('page.search')}
      onChange={(event) => {
        setText(event.target.value);
        apply(event.target.value, DEBOUNCE_MS);
      }}
      // Arrows and Home/End move the caret in the text, not the focus along the toolbar.
      onKeyDown={(event) => {
        if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) event.stopPropagation();
      }}
      sx={{ width: { xs: 180, md: 260 } }}
      slotProps={{
        htmlInput: { id: SEARCH_BOX_ID, 'aria-label': t('page.searchLabel'), title: hint, maxLength: MAX_FILTER_TEXT_LENGTH },
        input: {
          startAdornment: (
            <InputAdornment position="start">
              <Search fontSize="small" />
            </InputAdornment>
          ),
          endAdornment: text ? (
            <InputAdornment position="end">
              <IconButton
                size="small"
                edge="end"
                aria-label={t('page.clearSearch')}
                onClick={() => {
                  setText('');
                  apply('', 0);
                }}
              >
                <Clear fontSize="small" />
              </IconButton>
            </InputAdornment>
          ) : null,
        },
      }}
    />
  );
}
