import { Title } from '@mantine/core';
import { AccountCard } from './account-card';
import { SessionsPanel } from './sessions-panel';
import { TokensPanel } from './tokens-panel';

/** Settings → Your account: where you are signed in, and your API tokens. */
export function YourAccountSection() {
  return (
    <AccountCard
      id="your-account"
      title="Your account"
      description="Where you are signed in, and tokens for scripts and the CLI."
    >
      <Title order={3} size="h5">
        Sessions
      </Title>
      <SessionsPanel />
      <Title order={3} size="h5">
        API tokens
      </Title>
      <TokensPanel />
    </AccountCard>
  );
}
