// What a key owns: its data sources and its projects (with their layers), each marked
// "Only owner" (deleted with the key unless transferred) or "Shared with other owners".
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import type { OwnedDataSource, OwnedProject } from '@shared/api-types';
import { useTranslation } from 'react-i18next';

type Props = { dataSources: readonly OwnedDataSource[]; projects: readonly OwnedProject[] };
type Entry = { id: string; name: string; detail: string | null; soleOwner: boolean };

function Section({ heading, entries }: { heading: string; entries: Entry[] }): React.JSX.Element | null {
  const { t, i18n } = useTranslation('apiKeys');
  if (entries.length === 0) return null;
  return (
    <li>
      <ul style={{ padding: 0 }}>
        {/* The count says how much the box holds when it is taller than it shows. */}
        <ListSubheader sx={{ lineHeight: '32px' }}>
          {heading} ({new Intl.NumberFormat(i18n.language).format(entries.length)})
        </ListSubheader>
        {entries.map((entry) => (
          <ListItem
            key={entry.id}
            secondaryAction={
              <Chip
                size="small"
                variant="outlined"
                color={entry.soleOwner ? 'warning' : 'default'}
                label={entry.soleOwner ? t('delete.soleOwner') : t('delete.sharedOwner')}
              />
            }
          >
            <ListItemText primary={entry.name} secondary={entry.detail} sx={{ pr: 16 }} />
          </ListItem>
        ))}
      </ul>
    </li>
  );
}

export function OwnedResourcesList({ dataSources, projects }: Props): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  // null: the server was not asked for them (JMap Cloud lists a project's layers apart).
  const layersOf = (project: OwnedProject): string | null =>
    project.layers === null
      ? null
      : project.layers.length === 0
        ? t('delete.noLayers')
        : t('delete.layers', { names: project.layers.map((layer) => layer.name).join(', ') });
  return (
    // Focusable, so that a keyboard can scroll a long list too.
    <List
      dense
      disablePadding
      tabIndex={0}
      aria-label={t('delete.ownedResources')}
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, maxHeight: 240, overflow: 'auto' }}
    >
      <Section heading={t('delete.dataSources')} entries={dataSources.map((source) => ({ ...source, detail: null }))} />
      <Section heading={t('delete.projects')} entries={projects.map((project) => ({ ...project, detail: layersOf(project) }))} />
    </List>
  );
}
