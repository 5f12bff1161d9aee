// One activity entry in full: when, where, who, which key, the outcome and its reason, and
// each resource with what happened to it.
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ActivityEntry } from '@shared/activity-log';
import { useTranslation } from 'react-i18next';
import { describeEntry, describeResource, outcomeReason, resourcesOf } from '@renderer/features/activity/lib/describe-entry';
import { OutcomeChip } from '@renderer/features/activity/components/outcome-chip';
import { formatExactTime } from '@renderer/lib/formatting';

function Field({ label, children }: { label: string; children: React.ReactNode }): React.JSX.Element {
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0, sm: 2 }}>
      <Typography variant="body2" color="text.secondary" sx={{ minWidth: 140 }}>
        {label}
      </Typography>
      <Typography variant="body2" component="div" sx={{ overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </Stack>
  );
}

export function ActivityEntryDialog({ entry, locale, onClose }: { entry: ActivityEntry; locale: string; onClose(): void }): React.JSX.Element {
  const { t } = useTranslation('activity');
  const reason = outcomeReason(entry);
  const resources = resourcesOf(entry);
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="activity-entry-title">
      <DialogTitle id="activity-entry-title">
        {t(`actions.${entry.action}`)} — “{entry.apiKey.title}”
      </DialogTitle>
      <DialogContent>
        <Stack spacing={1}>
          <Field label={t('entry.at')}>{formatExactTime(entry.at, locale)}</Field>
          <Field label={t('entry.organization')}>{entry.organization.name}</Field>
          <Field label={t('entry.server')}>{entry.server}</Field>
          <Field label={t('entry.admin')}>
            {entry.admin.name} · {entry.admin.email}
          </Field>
          <Field label={t('entry.apiKeyId')}>
            <span style={{ fontFamily: 'monospace' }}>{entry.apiKey.id ?? t('entry.noId')}</span>
          </Field>
          <Field label={t('entry.outcome')}>
            <OutcomeChip status={entry.outcome.status} label={t(`outcomes.${entry.outcome.status}`)} />
          </Field>
          {reason !== null && entry.outcome.status !== 'succeeded' && (
            <>
              <Field label={t('entry.error')}>{reason}</Field>
              <Field label={t('entry.errorCode')}>
                <span style={{ fontFamily: 'monospace' }}>{[entry.outcome.errorCode, entry.outcome.serverCode].filter(Boolean).join(' · ')}</span>
              </Field>
            </>
          )}
          <Field label={t('columns.details')}>{describeEntry(entry, t, locale)}</Field>
          {entry.batchId !== undefined && <Field label={t('entry.batch')}>{entry.batchId}</Field>}
          {entry.action !== 'create' && entry.action !== 'edit' && (
            <>
              <Typography variant="subtitle2" component="h3" sx={{ pt: 1 }}>
                {t('entry.resources')}
              </Typography>
              {resources.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                  {t('entry.noResources')}
                </Typography>
              ) : (
                <List dense disablePadding sx={{ maxHeight: 240, overflow: 'auto' }}>
                  {resources.map((resource) => (
                    <ListItem key={`${resource.type}:${resource.id}`} disableGutters>
                      <ListItemText primary={describeResource(resource, t)} secondary={resource.id} />
                    </ListItem>
                  ))}
                </List>
              )}
            </>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus>
          {t('entry.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
