import { describe, expect, it } from 'vitest';
import { nextWindow } from './fetch-pages';

const record = (id: string, modified: string) => ({ id, properties: { lastmodifieddate: modified } });

describe('nextWindow (incremental search paging)', () => {
  const since = '2026-11-01T00:00:00.000Z';

  it('pages by offset while the query stays under 10,000 results, keeping the newest change seen', () => {
    const result = nextWindow(
      { since },
      [record('1', '2026-11-02T00:00:00Z'), record('2', '2026-11-03T00:00:00Z')],
      '200',
      'lastmodifieddate',
    );
    expect(result).toEqual({
      next: { since, after: '200', maxModified: '2026-11-03T00:00:00Z' },
      maxModified: '2026-11-03T00:00:00Z',
    });
  });

  it('starts a new window at the last modified date before an offset would pass 10,000', () => {
    const result = nextWindow({ since, after: '9800' }, [record('9', '2026-11-20T10:00:00.000Z')], '10000', 'lastmodifieddate');
    expect(result.next).toEqual({ since: '2026-11-20T10:00:00.000Z', maxModified: '2026-11-20T10:00:00.000Z' });
  });

  it('stops at the last page', () => {
    expect(nextWindow({ since }, [record('1', '2026-11-02T00:00:00Z')], null, 'lastmodifieddate').next).toBeNull();
  });

  it('refuses to loop when 10,000 records share one modified instant', () => {
    expect(() => nextWindow({ since }, [record('9', since)], '10000', 'lastmodifieddate')).toThrow(/cannot page further/);
  });
});
