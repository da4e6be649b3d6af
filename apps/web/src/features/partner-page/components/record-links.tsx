import { Anchor, type AnchorProps } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';

type LinkProps = { id: string; children: ReactNode } & Omit<AnchorProps, 'children'> & { 'data-testid'?: string };

/** A link to a rep's page, styled as an anchor. */
export function RepLink({ id, children, ...rest }: LinkProps) {
  return (
    <Anchor {...rest} renderRoot={(props) => <Link {...props} to="/reps/$id" params={{ id }} />}>
      {children}
    </Anchor>
  );
}

/** A link to a partner's page, styled as an anchor. */
export function PartnerLink({ id, children, ...rest }: LinkProps) {
  return (
    <Anchor {...rest} renderRoot={(props) => <Link {...props} to="/partners/$id" params={{ id }} />}>
      {children}
    </Anchor>
  );
}
