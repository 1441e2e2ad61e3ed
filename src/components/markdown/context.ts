import type { MouseEvent } from 'react';
import { defaultLabels, type ChatLabels } from '../labels';

/** How links and images in messages behave. @example const p: MarkdownPolicy = { allowedImageOrigins: ['https://cdn.example.com'] }; */
export interface MarkdownPolicy {
  /** Origins whose images may load (exact, e.g. `https://cdn.example.com`). Default: none. */
  allowedImageOrigins?: readonly string[];
  /** `_blank` (default) or `_self`. */
  linkTarget?: '_blank' | '_self';
  /** Called before a link opens; call `event.preventDefault()` to route it yourself. */
  onLinkClick?: (url: string, event: MouseEvent<HTMLAnchorElement>) => void;
  /**
   * Texts longer than this many characters are shown as plain text, unparsed. Default 20,000:
   * parsing takes time linear in the length, about 5 ms at this length for the worst input
   * `npm run bench:markdown` measures. (Independently, a message whose Markdown would make more
   * than 6,000 DOM nodes is shown as plain text too, which bounds the render.)
   */
  plainTextOver?: number;
}

/** The texts Markdown shows besides the message itself. @example const l: Partial<MarkdownLabels> = { copyCode: 'Copier le code' }; */
export type MarkdownLabels = Required<Pick<ChatLabels, 'imageBlocked' | 'copyCode' | 'copied' | 'table'>>;

/** What rendering a message needs besides its blocks. */
export interface RenderContext {
  policy: MarkdownPolicy;
  labels: MarkdownLabels;
  /** Text to mark (the conversation search), as a global pattern. */
  highlight?: RegExp | null;
}

/**
 * The labels Markdown uses, English for any that `labels` lacks.
 * @example markdownLabels({ copyCode: 'Copier' }).copied // 'Copied'
 */
export function markdownLabels(labels: Partial<MarkdownLabels> | undefined): MarkdownLabels {
  return {
    imageBlocked: labels?.imageBlocked ?? defaultLabels.imageBlocked,
    copyCode: labels?.copyCode ?? (defaultLabels.copyCode as string),
    copied: labels?.copied ?? (defaultLabels.copied as string),
    table: labels?.table ?? (defaultLabels.table as MarkdownLabels['table']),
  };
}
