// Placeholder while the keys page is being built (replaced in the next commits).
import type { SessionInfo } from '@shared/session';

export function ApiKeysPage({ session }: { session: SessionInfo }): React.JSX.Element {
  return <main aria-label={session.organization.name} />;
}
