// A card that is a page section: an icon and a heading that names it, then its content.
import { Card, CardContent, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';

type SectionCardProps = {
  /** The heading's id: the section's (and maybe a form's) accessible name points at it. */
  titleId: string;
  title: string;
  icon: ReactNode;
  children: ReactNode;
};

export function SectionCard({ titleId, title, icon, children }: SectionCardProps): React.JSX.Element {
  return (
    <Card component="section" aria-labelledby={titleId}>
      <CardContent sx={{ p: 3 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2 }}>
          {icon}
          <Typography id={titleId} variant="h2" component="h2">
            {title}
          </Typography>
        </Stack>
        {children}
      </CardContent>
    </Card>
  );
}
