// The outcome of a deletion: to whom ownership went, what moved, which access-control
// entries went away and what was deleted, in numbers formatted for the user's language.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { DeleteApiKeyResult } from '@shared/api-types';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@renderer/lib/formatting';

type Props = {
  keyTitle: string;
  result: DeleteApiKeyResult;
  /** The key owned nothing: no counts of resources (all zeros) to show. */
  ownedNothing: boolean;
  locale: string;
};

type CountKey =
  | 'delete.movedDataSources'
  | 'delete.movedProjects'
  | 'delete.aclRemoved'
  | 'delete.deletedDataSources'
  | 'delete.deletedProjects'
  | 'delete.deletedLayers';

/** The counts worth showing, in the order they are read. */
function countsOf(result: DeleteApiKeyResult, ownedNothing: boolean): [CountKey, number][] {
  // A key that owned nothing: no resource counts (all zeros), only the entries it had on
  // resources it could use, when there were some.
  if (ownedNothing) return result.aclEntriesRemoved > 0 ? [['delete.aclRemoved', result.aclEntriesRemoved]] : [];
  const counts: [CountKey, number][] = [];
  if (result.transferredTo !== null) {
    counts.push(['delete.movedDataSources', result.transferred.dataSources], ['delete.movedProjects', result.transferred.projects]);
  }
  counts.push(['delete.aclRemoved', result.aclEntriesRemoved]);
  if (result.transferredTo === null || result.deleted.dataSources + result.deleted.projects > 0) {
    counts.push(['delete.deletedDataSources', result.deleted.dataSources], ['delete.deletedProjects', result.deleted.projects]);
    // JMap Cloud's delete says nothing of layers: left out rather than shown as 0.
    if (!result.notCounted?.includes('layers')) counts.push(['delete.deletedLayers', result.deleted.layers]);
  }
  return counts;
}

export function DeleteResultView({ keyTitle, result, ownedNothing, locale }: Props): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const counts = countsOf(result, ownedNothing);
  return (
    <Stack spacing={2}>
      <Alert severity="success">{t('delete.done', { title: keyTitle })}</Alert>
      {result.transferredTo !== null && (
        <Typography>{t('delete.transferredTo', { name: result.transferredTo.name, email: result.transferredTo.email })}</Typography>
      )}
      {counts.length > 0 && (
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: '1fr auto', columnGap: 3, rowGap: 0.75, m: 0 }}>
          {counts.map(([label, value]) => (
            <Box key={label} sx={{ display: 'contents' }}>
              <Typography component="dt" color="text.secondary">
                {t(label)}
              </Typography>
              <Typography component="dd" sx={{ m: 0, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
                {formatNumber(value, locale)}
              </Typography>
            </Box>
          ))}
        </Box>
      )}
    </Stack>
  );
}
