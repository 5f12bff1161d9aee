// A toolbar button that opens a menu of mutually exclusive choices (theme, language, …).
import CheckIcon from '@mui/icons-material/Check';
import { IconButton, ListItemIcon, ListItemText, Menu, MenuItem, Tooltip } from '@mui/material';
import { useId, useState, type ReactNode } from 'react';

export type Choice<Value extends string> = { value: Value; label: string; icon?: ReactNode; lang?: string };

type ChoiceMenuButtonProps<Value extends string> = {
  /** The button's accessible name and tooltip, e.g. "Theme". */
  label: string;
  icon: ReactNode;
  value: Value;
  choices: readonly Choice<Value>[];
  onChoose(value: Value): void;
};

export function ChoiceMenuButton<Value extends string>({ label, icon, value, choices, onChoose }: ChoiceMenuButtonProps<Value>): React.JSX.Element {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  const current = choices.find((choice) => choice.value === value);
  return (
    <>
      <Tooltip title={current ? `${label}: ${current.label}` : label}>
        <IconButton
          color="inherit"
          aria-label={label}
          aria-haspopup="menu"
          aria-controls={anchor ? menuId : undefined}
          aria-expanded={anchor ? 'true' : undefined}
          onClick={(event) => setAnchor(event.currentTarget)}
        >
          {icon}
        </IconButton>
      </Tooltip>
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {choices.map((choice) => (
          <MenuItem
            key={choice.value}
            role="menuitemradio"
            aria-checked={choice.value === value}
            selected={choice.value === value}
            lang={choice.lang}
            onClick={() => {
              setAnchor(null);
              if (choice.value !== value) onChoose(choice.value);
            }}
          >
            <ListItemIcon>{choice.value === value ? <CheckIcon fontSize="small" /> : choice.icon}</ListItemIcon>
            <ListItemText>{choice.label}</ListItemText>
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
