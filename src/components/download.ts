import type { TranscriptFormat } from '../core/transcript';

const FILES: Record<TranscriptFormat, { extension: string; type: string }> = {
  markdown: { extension: 'md', type: 'text/markdown' },
  text: { extension: 'txt', type: 'text/plain' },
  json: { extension: 'json', type: 'application/json' },
};

/**
 * Saves text as a file through the browser's download (a `blob:` link; nothing leaves the page,
 * and a strict Content-Security-Policy allows it).
 * @example downloadFile(chat.exportTranscript('markdown'), 'markdown', 'conversation');
 */
export function downloadFile(text: string, format: TranscriptFormat, name: string): void {
  const { extension, type } = FILES[format];
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${name}.${extension}`;
  link.click();
  // Some browsers read the link after this task: let it go a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
