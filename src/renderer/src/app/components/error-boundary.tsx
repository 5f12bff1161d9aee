// The last line of defence: a render error shows a plain message and "Reload", never a
// blank window or a stack trace (which could quote data the user typed).
import ErrorIcon from '@mui/icons-material/ErrorOutlined';
import { Box, Button, Paper, Typography } from '@mui/material';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function CrashScreen(): React.JSX.Element {
  const { t } = useTranslation('app');
  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 3, bgcolor: 'background.default' }}>
      <Paper variant="outlined" role="alert" sx={{ p: 4, maxWidth: 480, textAlign: 'center' }}>
        <ErrorIcon color="error" sx={{ fontSize: 40, mb: 1 }} aria-hidden />
        <Typography variant="h1" component="h1" gutterBottom>
          {t('errorBoundary.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 3 }}>
          {t('errorBoundary.message')}
        </Typography>
        <Button variant="contained" onClick={() => window.location.reload()}>
          {t('errorBoundary.reload')}
        </Button>
      </Paper>
    </Box>
  );
}

type ErrorBoundaryState = { failed: boolean };

export class ErrorBoundary extends Component<{ children: ReactNode }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false };

  static getDerivedStateFromError(): ErrorBoundaryState {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // The component stack and the error's kind help a bug report; its message may hold user input.
    const kind = error instanceof Error ? error.name : typeof error;
    console.error(`KeyDesk: the screen failed to render (${kind}).${info.componentStack ?? ''}`);
  }

  override render(): ReactNode {
    return this.state.failed ? <CrashScreen /> : this.props.children;
  }
}
