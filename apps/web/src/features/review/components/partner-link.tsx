import { Anchor, type AnchorProps } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';

/** A link to a partner's page, styled as a Mantine anchor (typed route params through renderRoot). */
export function PartnerLink({ id, children, ...props }: AnchorProps & { id: string; children: ReactNode }) {
  return (
    <Anchor {...props} renderRoot={(rootProps) => <Link to="/partners/$id" params={{ id }} {...rootProps} />}>
      {children}
    </Anchor>
  );
}
