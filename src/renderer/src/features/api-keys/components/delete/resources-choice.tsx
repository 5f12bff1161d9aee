// What happens to a key's resources: transfer them to an Editor member (chosen by default,
// the members listed at once), or, explicitly, "Delete the resources with the key"
// confirmed by typing the key's title, with the list of what will be destroyed.
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Collapse from '@mui/material/Collapse';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { OwnedResources } from '@shared/api-types';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorPicker } from '@renderer/features/api-keys/components/delete/editor-picker';
import type { EditorsState, ResourcesChoice } from '@renderer/features/api-keys/stores/delete-flow';
import { errorMessage } from '@renderer/i18n/error-message';

type Props = {
  keyTitle: string;
  resources: OwnedResources;
  editors: EditorsState;
  choice: ResourcesChoice;
  disabled: boolean;
  onChoiceChange: (choice: ResourcesChoice) => void;
};

export function ResourcesChoiceForm({ keyTitle, resources, editors, choice, disabled, onChoiceChange }: Props): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const choiceLabelId = useId();
  const destroyed = {
    dataSources: resources.dataSources.filter((dataSource) => dataSource.soleOwner),
    projects: resources.projects.filter((project) => project.soleOwner),
  };
  const remaining = {
    dataSources: resources.dataSources.filter((dataSource) => !dataSource.soleOwner),
    projects: resources.projects.filter((project) => !project.soleOwner),
  };
  const members = editors.status === 'ready' ? editors.members : [];

  return (
    <FormControl disabled={disabled} fullWidth>
      <FormLabel id={choiceLabelId}>{t('delete.choice')}</FormLabel>
      <RadioGroup
        aria-labelledby={choiceLabelId}
        value={choice.kind === 'none' ? '' : choice.kind}
        onChange={(event) =>
          onChoiceChange(event.target.value === 'transfer' ? { kind: 'transfer', member: null } : { kind: 'delete-resources', typedTitle: '' })
        }
      >
        <FormControlLabel value="transfer" control={<Radio />} label={t('delete.transferChoice')} />
        <Collapse in={choice.kind === 'transfer'} unmountOnExit>
          <Stack spacing={1} sx={{ pl: 4, pb: 1.5, pt: 0.5 }}>
            {editors.status === 'failed' && <Alert severity="error">{`${t('delete.editorsFailed')} ${errorMessage(editors.error)}`}</Alert>}
            {editors.status === 'ready' && members.length === 0 && <Alert severity="info">{t('delete.noEditors')}</Alert>}
            {editors.status === 'loading' && <LinearProgress aria-label={t('delete.editorsListLabel')} />}
            {members.length > 0 && (
              <EditorPicker
                members={members}
                selected={choice.kind === 'transfer' ? choice.member : null}
                disabled={disabled}
                onSelect={(member) => onChoiceChange({ kind: 'transfer', member })}
              />
            )}
            <Typography variant="body2" color="text.secondary">
              {t('delete.transferExplain')}
            </Typography>
          </Stack>
        </Collapse>
        <FormControlLabel value="delete-resources" control={<Radio />} label={t('delete.deleteResourcesChoice')} />
        <Collapse in={choice.kind === 'delete-resources'} unmountOnExit>
          <Stack spacing={1.5} sx={{ pl: 4, pt: 0.5 }}>
            {(destroyed.dataSources.length > 0 || destroyed.projects.length > 0) && (
              <Alert severity="error" variant="outlined" icon={false}>
                <AlertTitle sx={{ fontSize: '0.875rem' }}>{t('delete.willBeDestroyed')}</AlertTitle>
                <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                  {destroyed.dataSources.map((dataSource) => (
                    <li key={dataSource.id}>{t('delete.destroyedDataSource', { name: dataSource.name })}</li>
                  ))}
                  {destroyed.projects.map((project) => (
                    <li key={project.id}>
                      {project.layers === null || project.layers.length === 0
                        ? t('delete.destroyedProject', { name: project.name })
                        : t('delete.destroyedProjectWithLayers', { name: project.name, layers: project.layers.map((layer) => layer.name).join(', ') })}
                    </li>
                  ))}
                </Box>
              </Alert>
            )}
            {(remaining.dataSources.length > 0 || remaining.projects.length > 0) && (
              <Typography variant="body2">
                {t('delete.willRemain', { names: [...remaining.dataSources, ...remaining.projects].map((resource) => resource.name).join(', ') })}
              </Typography>
            )}
            <TextField
              label={t('delete.confirmLabel')}
              helperText={t('delete.typeToConfirm', { title: keyTitle })}
              value={choice.kind === 'delete-resources' ? choice.typedTitle : ''}
              onChange={(event) => onChoiceChange({ kind: 'delete-resources', typedTitle: event.target.value })}
              autoComplete="off"
              fullWidth
            />
          </Stack>
        </Collapse>
      </RadioGroup>
    </FormControl>
  );
}
