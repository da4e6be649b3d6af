import { NumberInput, SimpleGrid } from '@mantine/core';
import type { SettingsDto } from '@ptrack/contracts';
import { problemAt } from '../../../api/problems';
import { TIER_NAMES } from '../settings-form';
import { type SectionConfig, SettingsSection } from './settings-section';

type Tier = '1' | '2' | '3' | '4';
const TIERS: Tier[] = ['1', '2', '3', '4'];
// A field being typed can be empty; the server only ever receives whole numbers.
type Cadences = Record<Tier, number | ''>;

const config: SectionConfig<Cadences> = {
  pick: (s) => ({ ...s.cadences }),
  describe: (v) => Object.fromEntries(TIERS.map((t) => [TIER_NAMES[t], v[t] === '' ? '' : `${v[t]} days`])),
  check: (v) => (TIERS.some((t) => v[t] === '') ? 'Give every tier a number of days.' : null),
  toPatch: (v) => ({ cadences: { '1': Number(v['1']), '2': Number(v['2']), '3': Number(v['3']), '4': Number(v['4']) } }),
  fields: ['cadences'],
};

/** docs/RULES.md cadence rule: how many days after a touch the next follow-up with a rep of each tier is due. */
export function CadenceSection({ settings }: { settings: SettingsDto }) {
  return (
    <SettingsSection
      title="Follow-up cadences"
      description="Days from a touch with a rep to the next follow-up, by the rep's tier (1–730 days). By default Tier 1 reps are followed up weekly and stale Tier 4 reps quarterly."
      settings={settings}
      config={config}
    >
      {({ value, onChange, error }) => (
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          {TIERS.map((tier) => (
            <NumberInput
              key={tier}
              label={TIER_NAMES[tier]}
              suffix=" days"
              value={value[tier]}
              onChange={(v) => onChange({ ...value, [tier]: v === '' ? '' : Number(v) })}
              allowDecimal={false}
              allowNegative={false}
              // The server says what is out of range, beside the field; nothing is clamped silently.
              clampBehavior="none"
              error={problemAt(error, `cadences.${tier}`)}
            />
          ))}
        </SimpleGrid>
      )}
    </SettingsSection>
  );
}
