import { describe, expect, it } from 'vitest';
import { describeDevice, formatWhen } from './format-when';

describe('how sessions and users show times and devices', () => {
  it('says "Never" for a missing instant and formats a present one', () => {
    expect(formatWhen(null)).toBe('Never');
    expect(formatWhen(undefined, '—')).toBe('—');
    expect(formatWhen('2026-03-04T10:20:00.000Z')).toMatch(/Mar 4, 2026/);
  });

  it('names a browser and its system from the user agent', () => {
    const chromeLinux =
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36';
    expect(describeDevice(chromeLinux)).toBe('Chrome on Linux');
    expect(
      describeDevice('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Safari/604.1'),
    ).toBe('Safari on iOS');
    expect(describeDevice('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe(
      'Firefox on Windows',
    );
    expect(describeDevice('curl/8.5.0')).toBe('Script');
    expect(describeDevice(null)).toBe('Unknown device');
  });
});
