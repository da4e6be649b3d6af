import { describe, expect, it } from 'vitest';
import { parseStageMap, saveRequestOf } from './hubspot-draft';

describe('the HubSpot connection draft', () => {
  it('reads stage map lines, skipping blanks and splitting at the last "="', () => {
    expect(parseStageMap('default/a = closed-won\n\n p/s=x = deal \nlonely')).toEqual({
      'default/a': 'closed-won',
      'p/s=x': 'deal',
      lonely: '',
    });
  });

  it('sends secrets only when typed, and the rate only when set', () => {
    const draft = {
      token: '  ',
      clientSecret: ' s3 ',
      baseUrl: ' https://api.hubapi.com ',
      stageMap: '',
      pushRepEdits: true,
      requestsPer10s: '' as const,
    };
    expect(saveRequestOf(draft, 4)).toEqual({
      version: 4,
      baseUrl: 'https://api.hubapi.com',
      stageMap: {},
      pushRepEdits: true,
      clientSecret: 's3',
    });
  });
});
