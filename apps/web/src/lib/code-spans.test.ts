import { describe, expect, it } from 'vitest';
import { codeSpans } from './code-spans';

describe('code in help text', () => {
  it('sets backticked parts as code and keeps the words around them', () => {
    expect(codeSpans('restore one with `ptrack restore` later')).toEqual([
      { code: false, text: 'restore one with ' },
      { code: true, text: 'ptrack restore' },
      { code: false, text: ' later' },
    ]);
  });

  it('leaves text without backticks alone and drops an unpaired one', () => {
    expect(codeSpans('Nightly')).toEqual([{ code: false, text: 'Nightly' }]);
    expect(codeSpans('run `a` then `b')).toEqual([
      { code: false, text: 'run ' },
      { code: true, text: 'a' },
      { code: false, text: ' then ' },
      { code: false, text: 'b' },
    ]);
  });
});
