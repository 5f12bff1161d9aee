// What a key owns: its data sources and its projects (with their layers), each marked
// "Only owner" (deleted with the key unless transferred) or "Shared with other owners".
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import type { OwnedDataSource, OwnedProject } from '@shared/api-types';
import { useTranslation } from 'react-i18next';

type Props = { dataSources: readonly OwnedDataSource[]; projects: readonly OwnedProject[]; dense?: boolean };

function OwnershipChip({ soleOwner }: { soleOwner: boolean }): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  return (
    <Chip
      size="small"
      variant="outlined"
      color={soleOwner ? 'warning' : 'default'}
      label={soleOwner ? t('delete.soleOwner') : t('delete.sharedOwner')}
    />
  );
}

export function OwnedResourcesList({ dataSources, projects, dense = false }: Props): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  return (
    <List dense disablePadding sx={{ border: 1, borderColor: 'divider', borderRadius: 1, maxHeight: dense ? 180 : 260, overflow: 'auto' }}>
      {dataSources.length > 0 && (
        <li>
          <ul style={{ padding: 0 }}>
            <ListSubheader sx={{ lineHeight: '32px' }}>{t('delete.dataSources')}</ListSubheader>
            {dataSources.map((dataSource) => (
              <ListItem key={dataSource.id} secondaryAction={dense ? undefined : <OwnershipChip soleOwner={dataSource.soleOwner} />}>
                <ListItemText primary={dataSource.name} />
              </ListItem>
            ))}
          </ul>
        </li>
      )}
      {projects.length > 0 && (
        <li>
          <ul style={{ padding: 0 }}>
            <ListSubheader sx={{ lineHeight: '32px' }}>{t('delete.projects')}</ListSubheader>
            {projects.map((project) => (
              <ListItem key={project.id} secondaryAction={dense ? undefined : <OwnershipChip soleOwner={project.soleOwner} />}>
                <ListItemText
                  primary={project.name}
                  secondary={
                    project.layers.length === 0
                      ? t('delete.noLayers')
                      : t('delete.layers', { names: project.layers.map((layer) => layer.name).join(', ') })
                  }
                  sx={{ pr: dense ? 0 : 16 }}
                />
              </ListItem>
            ))}
          </ul>
        </li>
      )}
    </List>
  );
}
