// The Editor members a key's resources can go to, listed at once as the portal does: one
// radio button each (name and email), with a filter above when they are many.
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Member } from '@shared/api-types';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Above this many members, a filter field helps find one. */
const FILTER_FROM = 6;

type Props = {
  members: readonly Member[];
  selected: Member | null;
  disabled: boolean;
  onSelect(member: Member): void;
};

export function EditorPicker({ members, selected, disabled, onSelect }: Props): React.JSX.Element {
  const { t, i18n } = useTranslation('apiKeys');
  const [filter, setFilter] = useState('');
  const wanted = filter.trim().toLocaleLowerCase(i18n.language);
  const shown = wanted === '' ? members : members.filter((member) => `${member.name} ${member.email}`.toLocaleLowerCase(i18n.language).includes(wanted));
  return (
    <Box>
      {members.length > FILTER_FROM && (
        <TextField size="small" fullWidth label={t('delete.editorsFilter')} value={filter} onChange={(event) => setFilter(event.target.value)} sx={{ mb: 1 }} autoComplete="off" />
      )}
      <RadioGroup
        aria-label={t('delete.transferTo')}
        value={selected?.id ?? ''}
        onChange={(event) => {
          const member = members.find((candidate) => candidate.id === event.target.value);
          if (member) onSelect(member);
        }}
        sx={{ maxHeight: 220, overflow: 'auto', flexWrap: 'nowrap', border: 1, borderColor: 'divider', borderRadius: 1, px: 1 }}
      >
        {shown.map((member) => (
          <FormControlLabel
            key={member.id}
            value={member.id}
            disabled={disabled}
            control={<Radio size="small" />}
            label={
              <span>
                <Typography component="span" variant="body2">
                  {member.name}
                </Typography>{' '}
                <Typography component="span" variant="body2" color="text.secondary">
                  {member.email}
                </Typography>
              </span>
            }
          />
        ))}
      </RadioGroup>
    </Box>
  );
}
