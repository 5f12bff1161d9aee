// "Role: Editor", "Status: Expiring soon": one choice among a few.
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import { API_KEY_STATUSES } from '@shared/api-types';
import { API_KEY_ROLES } from '@shared/roles';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CriterionEditorProps } from '@renderer/features/api-keys/components/filters/criterion-editor-props';
import { EditorFrame } from '@renderer/features/api-keys/components/filters/editor-frame';

export function ChoiceCriterion<N extends 'role' | 'status'>({ name, value, title, onApply, onRemove, onCancel }: CriterionEditorProps<N>): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const options = name === 'role' ? API_KEY_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) })) : API_KEY_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }));
  const [chosen, setChosen] = useState<string>(value ?? options[0]?.value ?? '');
  return (
    <EditorFrame
      title={title}
      inUse={value !== undefined}
      onRemove={onRemove}
      onCancel={onCancel}
      onApply={() => onApply(chosen as NonNullable<CriterionEditorProps<N>['value']>)}
    >
      <RadioGroup aria-label={title} value={chosen} onChange={(event) => setChosen(event.target.value)}>
        {options.map((option) => (
          <FormControlLabel key={option.value} value={option.value} control={<Radio autoFocus={option.value === chosen} />} label={option.label} />
        ))}
      </RadioGroup>
    </EditorFrame>
  );
}
