// The signed-in app's views, as tabs under the app bar: the organization's API keys, and
// the activity log of what KeyDesk changed.
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import KeyOutlined from '@mui/icons-material/KeyOutlined';
import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useTranslation } from 'react-i18next';

export const VIEWS = ['keys', 'activity'] as const;
export type View = (typeof VIEWS)[number];

export const viewTabId = (view: View): string => `view-tab-${view}`;
export const viewPanelId = (view: View): string => `view-panel-${view}`;

const ICONS = { keys: <KeyOutlined fontSize="small" />, activity: <HistoryOutlined fontSize="small" /> };

export function ViewTabs({ view, onChange }: { view: View; onChange(view: View): void }): React.JSX.Element {
  const { t } = useTranslation('app');
  return (
    <Box sx={{ borderBottom: 1, borderColor: 'divider', px: { xs: 1, sm: 2 } }}>
      <Tabs value={view} onChange={(_event, next: View) => onChange(next)} aria-label={t('views.label')} sx={{ minHeight: 40 }}>
        {VIEWS.map((name) => (
          <Tab
            key={name}
            value={name}
            id={viewTabId(name)}
            aria-controls={viewPanelId(name)}
            icon={ICONS[name]}
            iconPosition="start"
            label={t(`views.${name}`)}
            sx={{ minHeight: 40, textTransform: 'none' }}
          />
        ))}
      </Tabs>
    </Box>
  );
}
