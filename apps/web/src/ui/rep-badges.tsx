import { Badge, Tooltip, VisuallyHidden } from '@mantine/core';

// seed 001: Tier 1 active deals, 2 engaged, 3 warming, 4 stale. Filled badges in dark shades: white text
// on each is at least 4.5:1 (WCAG AA).
const TIER_LABEL: Record<number, string> = {
  1: 'Tier 1: active deals',
  2: 'Tier 2: engaged',
  3: 'Tier 3: warming',
  4: 'Tier 4: stale',
};
const TIER_COLOR: Record<number, string> = { 1: 'teal.9', 2: 'blue.9', 3: '#9a3b0b', 4: 'gray.7' };

// The short visible label is hidden from screen readers, which read the full one instead; the tooltip is
// for the mouse only, so badges add no tab stops to a row.
export function TierBadge({ tier }: { tier: number | null }) {
  if (tier === null) return null;
  const label = TIER_LABEL[tier] ?? `Tier ${tier}`;
  return (
    <Tooltip label={label} withArrow>
      {/* Never squeezed: beside a suggestion in a narrow cell it was cut to "T…" (issue 14). */}
      <Badge size="sm" variant="filled" color={TIER_COLOR[tier] ?? 'gray.7'} style={{ flexShrink: 0 }} data-testid="tier-badge">
        <span aria-hidden="true">T{tier}</span>
        <VisuallyHidden>{label}</VisuallyHidden>
      </Badge>
    </Tooltip>
  );
}

/** A "Jordan": a high-quality rep who gets weekly attention (docs/RULES.md, isJordan). */
export function JordanBadge({ isJordan }: { isJordan: boolean }) {
  if (!isJordan) return null;
  return (
    <Tooltip label="Jordan: a high-quality rep" withArrow>
      <Badge size="sm" variant="filled" color="grape.8" tt="none" data-testid="jordan-badge">
        <span aria-hidden="true">★</span> Jordan
      </Badge>
    </Tooltip>
  );
}
