import { NumberInput, SimpleGrid, Text } from '@mantine/core';
import type { SettingsDto } from '@ptrack/contracts';
import { problemAt } from '../../../api/problems';
import { type SectionConfig, SettingsSection } from './settings-section';

type Band = 'strategic' | 'good' | 'evaluate';
const BANDS: { key: Band; label: string }[] = [
  { key: 'strategic', label: 'Strategic from' },
  { key: 'good', label: 'Good from' },
  { key: 'evaluate', label: 'Evaluate from' },
];
type Bands = Record<Band, number | ''>;

const config: SectionConfig<Bands> = {
  pick: (s) => ({ ...s.ippBands }),
  describe: (v) => Object.fromEntries(BANDS.map((b) => [b.label, String(v[b.key])])),
  check: (v) => (BANDS.some((b) => v[b.key] === '') ? 'Give every band a score.' : null),
  toPatch: (v) => ({ ippBands: { strategic: Number(v.strategic), good: Number(v.good), evaluate: Number(v.evaluate) } }),
  fields: ['ippBands'],
};

/** docs/RULES.md IPP: the score (0–50) at which a partner becomes Strategic, Good or Evaluate; below is Pass. */
export function IppSection({ settings }: { settings: SettingsDto }) {
  return (
    <SettingsSection
      title="IPP bands"
      description="The Ideal Partner Profile score (0–50) from which a partner counts as Strategic, Good or Evaluate; below the last band is Pass. The bands must descend."
      settings={settings}
      config={config}
    >
      {({ value, onChange, error }) => (
        <>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            {BANDS.map((band) => (
              <NumberInput
                key={band.key}
                label={band.label}
                value={value[band.key]}
                onChange={(v) => onChange({ ...value, [band.key]: v === '' ? '' : Number(v) })}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="none"
                error={problemAt(error, `ippBands.${band.key}`)}
              />
            ))}
          </SimpleGrid>
          {problemAt(error, 'ippBands') ? (
            <Text size="sm" c="red.9" role="alert">
              IPP bands {problemAt(error, 'ippBands')}
            </Text>
          ) : null}
        </>
      )}
    </SettingsSection>
  );
}
