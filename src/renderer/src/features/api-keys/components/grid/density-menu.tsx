// "Density": compact, standard or comfortable rows (the grid tells the page, which keeps it).
import DensityMedium from '@mui/icons-material/DensityMedium';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Tooltip from '@mui/material/Tooltip';
import { gridDensitySelector, ToolbarButton, useGridApiContext, useGridSelector, type GridDensity } from '@mui/x-data-grid';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const DENSITIES: { value: GridDensity; label: 'page.densityCompact' | 'page.densityStandard' | 'page.densityComfortable' }[] = [
  { value: 'compact', label: 'page.densityCompact' },
  { value: 'standard', label: 'page.densityStandard' },
  { value: 'comfortable', label: 'page.densityComfortable' },
];

export function DensityMenu(): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const apiRef = useGridApiContext();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const current = useGridSelector(apiRef, gridDensitySelector);
  return (
    <>
      <Tooltip disableInteractive title={t('page.density')}>
        <ToolbarButton aria-label={t('page.density')} aria-haspopup="menu" onClick={(event) => setAnchor(event.currentTarget)}>
          <DensityMedium fontSize="small" />
        </ToolbarButton>
      </Tooltip>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {DENSITIES.map(({ value, label }) => (
          <MenuItem
            key={value}
            selected={value === current}
            onClick={() => {
              apiRef.current.setDensity(value);
              setAnchor(null);
            }}
          >
            {t(label)}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
