import { describe, expect, it } from 'vitest';
import { timeZoneChoices } from './calendar';

describe('calendar choices', () => {
  it('offers UTC and the current zone even when the browser does not list them', () => {
    expect(timeZoneChoices('Etc/GMT+5', ['Europe/Paris'])).toEqual(['UTC', 'Europe/Paris', 'Etc/GMT+5']);
    expect(timeZoneChoices('Europe/Paris', ['Europe/Paris'])).toEqual(['UTC', 'Europe/Paris']);
  });
});
