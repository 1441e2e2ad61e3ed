import { useRef } from 'react';
import { selectContents, useCopy } from '../useCopy';
import type { MarkdownLabels } from './context';
import { highlight as mark } from './highlight';

/** Props of {@link CodeBlock}. */
export interface CodeBlockProps {
  lang: string;
  value: string;
  labels: Pick<MarkdownLabels, 'copyCode' | 'copied'>;
  /** Matches of the conversation search to mark. */
  highlight?: RegExp | null | undefined;
}

/**
 * A fenced code block with its language and a button that copies its exact text. The clipboard
 * API needs a secure context and the page's permission; where it is missing or refuses, the code
 * is selected instead, so the reader can copy it with the keyboard. Code reads left to right even
 * in a right-to-left message, and the block is focusable so a keyboard can scroll long lines.
 * @example <CodeBlock lang="ts" value="let a = 1;" labels={{ copyCode: 'Copy code', copied: 'Copied' }} />
 */
export function CodeBlock({ lang, value, labels, highlight }: CodeBlockProps) {
  const code = useRef<HTMLElement>(null);
  const { copied, copy } = useCopy(
    () => value,
    () => selectContents(code.current),
  );

  return (
    <div className="parlant-md-code">
      <div className="parlant-md-code-bar">
        {lang && <span className="parlant-md-code-lang">{lang}</span>}
        <button type="button" className="parlant-md-copy" onClick={copy}>
          {copied ? labels.copied : labels.copyCode}
        </button>
        <span role="status" className="parlant-visually-hidden">
          {copied ? labels.copied : ''}
        </span>
      </div>
      <pre data-lang={lang || undefined} dir="ltr" tabIndex={0}>
        <code ref={code}>{mark(value, highlight)}</code>
      </pre>
    </div>
  );
}
