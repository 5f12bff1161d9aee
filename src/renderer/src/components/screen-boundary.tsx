// Around each screen and each dialog: a render error there becomes a message with ways on
// ("Try again", and what the place offers: back to the keys, sign out), while the rest of
// the window keeps working; never a blank window. The root ErrorBoundary (app/) stays the
// last line of defence, for a failure outside every screen.
import ErrorOutlined from '@mui/icons-material/ErrorOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Component, Fragment, useId, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Somewhere to go from a failed screen, besides trying it again. */
export type WayOn = { label: string; onSelect(): void };

type Props = {
  /** What failed, for the log line ("the keys page"): never user data. */
  area: string;
  ways?: readonly WayOn[];
  /** `dialog`: the failure is shown in a dialog of its own, in place of the one that failed. */
  variant?: 'panel' | 'dialog';
  children: ReactNode;
};

type State = { failed: boolean; attempt: number };

export class ScreenBoundary extends Component<Props, State> {
  override state: State = { failed: false, attempt: 0 };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // The kind and the component stack help a bug report; the message may hold what the user typed.
    const kind = error instanceof Error ? error.name : typeof error;
    console.error(`KeyDesk: ${this.props.area} failed to render (${kind}).${info.componentStack ?? ''}`);
  }

  private readonly retry = (): void => this.setState((state) => ({ failed: false, attempt: state.attempt + 1 }));

  override render(): ReactNode {
    const { ways = [], variant = 'panel', children } = this.props;
    if (!this.state.failed) return <Fragment key={this.state.attempt}>{children}</Fragment>;
    return variant === 'dialog' ? <ProblemDialog ways={ways} onRetry={this.retry} /> : <ProblemPanel ways={ways} onRetry={this.retry} />;
  }
}

type ProblemProps = { ways: readonly WayOn[]; onRetry(): void };

function ProblemPanel({ ways, onRetry }: ProblemProps): React.JSX.Element {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Box sx={{ flex: 1, display: 'grid', placeItems: 'center', p: 3 }}>
      <Paper variant="outlined" role="alert" aria-labelledby={titleId} sx={{ p: 4, maxWidth: 520, textAlign: 'center' }}>
        <ErrorOutlined color="error" sx={{ fontSize: 40, mb: 1 }} aria-hidden />
        <Typography id={titleId} variant="h6" component="h2" gutterBottom>
          {t('screenProblem.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 3 }}>
          {t('screenProblem.message')}
        </Typography>
        <Stack direction="row" spacing={1.5} sx={{ justifyContent: 'center', flexWrap: 'wrap', rowGap: 1 }}>
          <Button variant="contained" onClick={onRetry}>
            {t('screenProblem.retry')}
          </Button>
          {ways.map((way) => (
            <Button key={way.label} variant="outlined" onClick={way.onSelect}>
              {way.label}
            </Button>
          ))}
        </Stack>
      </Paper>
    </Box>
  );
}

function ProblemDialog({ ways, onRetry }: ProblemProps): React.JSX.Element {
  const { t } = useTranslation();
  const titleId = useId();
  const messageId = useId();
  // Escape or a click outside takes the first way on (closing), as the failed dialog's own would.
  const close = ways[0]?.onSelect;
  return (
    <Dialog open role="alertdialog" aria-labelledby={titleId} aria-describedby={messageId} onClose={close}>
      <DialogTitle id={titleId}>{t('screenProblem.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText id={messageId}>{t('screenProblem.message')}</DialogContentText>
      </DialogContent>
      <DialogActions>
        {ways.map((way) => (
          <Button key={way.label} onClick={way.onSelect}>
            {way.label}
          </Button>
        ))}
        <Button variant="contained" onClick={onRetry}>
          {t('screenProblem.retry')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
