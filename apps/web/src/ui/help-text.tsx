import { Code } from '@mantine/core';
import { Fragment } from 'react';
import { codeSpans } from '../lib/code-spans';

/** Help text from the server, its `backticked` commands shown as code. */
export function HelpText({ text }: { text: string }) {
  return (
    <>
      {codeSpans(text).map((span, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the spans of one text never reorder
        span.code ? <Code key={i}>{span.text}</Code> : <Fragment key={i}>{span.text}</Fragment>,
      )}
    </>
  );
}
