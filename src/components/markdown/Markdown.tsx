import { memo, useMemo, type MouseEvent, type ReactNode } from 'react';
import { parseMarkdown, type Block, type Inline } from './parse';
import { linkHost, safeImageUrl, safeLinkUrl } from './safeUrl';

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
   * parsing is linear, but a long enough message still makes a long render; at this length the
   * worst input measured by `npm run bench:markdown` stays far below a 50 ms task.
   */
  plainTextOver?: number;
}

/** Props of {@link Markdown}. @example <Markdown text="**hi**" /> */
export interface MarkdownProps extends MarkdownPolicy {
  text: string;
  labels?: { imageBlocked: (host: string) => string };
}

const DEFAULT_PLAIN_OVER = 20_000;

/**
 * Renders untrusted Markdown as React elements: no raw HTML ever, links only to http(s)/mailto
 * with `rel="noopener noreferrer nofollow ugc"` and their host in the title, remote images only
 * from allowed origins (otherwise a link naming the host).
 * @example <Markdown text={message.text} allowedImageOrigins={['https://cdn.example.com']} />
 */
export const Markdown = memo(function Markdown({ text, plainTextOver = DEFAULT_PLAIN_OVER, labels, ...policy }: MarkdownProps) {
  const blocks = useMemo(() => (text.length > plainTextOver ? null : parseMarkdown(text)), [text, plainTextOver]);
  if (!blocks) return <p className="parlant-md-plain">{text}</p>;
  const ctx: RenderContext = { policy, imageBlocked: labels?.imageBlocked ?? ((host) => `Image from ${host}`) };
  return <>{blocks.map((block, i) => renderBlock(block, i, ctx))}</>;
});

interface RenderContext {
  policy: MarkdownPolicy;
  imageBlocked: (host: string) => string;
}

function renderBlock(block: Block, key: number, ctx: RenderContext): ReactNode {
  switch (block.type) {
    case 'paragraph':
      return <p key={key}>{renderInlines(block.children, ctx)}</p>;
    case 'heading':
      return (
        <p key={key} className="parlant-md-heading">
          <strong>{renderInlines(block.children, ctx)}</strong>
        </p>
      );
    case 'code':
      return (
        <pre key={key} data-lang={block.lang || undefined}>
          <code>{block.value}</code>
        </pre>
      );
    case 'quote':
      return <blockquote key={key}>{block.children.map((b, i) => renderBlock(b, i, ctx))}</blockquote>;
    case 'rule':
      return <hr key={key} />;
    case 'list': {
      const items = block.items.map((item, i) => <li key={i}>{item.map((b, j) => renderListBlock(b, j, ctx))}</li>);
      return block.ordered ? (
        <ol key={key} start={block.start === 1 ? undefined : block.start}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
  }
}

/** Tight list items hold their text directly, not in a paragraph. */
function renderListBlock(block: Block, key: number, ctx: RenderContext): ReactNode {
  return block.type === 'paragraph' ? <span key={key}>{renderInlines(block.children, ctx)}</span> : renderBlock(block, key, ctx);
}

function renderInlines(nodes: Inline[], ctx: RenderContext): ReactNode[] {
  return nodes.map((node, i) => renderInline(node, i, ctx));
}

function renderInline(node: Inline, key: number, ctx: RenderContext): ReactNode {
  switch (node.type) {
    case 'text':
      return node.value;
    case 'break':
      return <br key={key} />;
    case 'code':
      return <code key={key}>{node.value}</code>;
    case 'strong':
      return <strong key={key}>{renderInlines(node.children, ctx)}</strong>;
    case 'em':
      return <em key={key}>{renderInlines(node.children, ctx)}</em>;
    case 'del':
      return <del key={key}>{renderInlines(node.children, ctx)}</del>;
    case 'link': {
      const href = safeLinkUrl(node.href);
      const children = renderInlines(node.children, ctx);
      return href ? <SafeLink key={key} href={href} policy={ctx.policy}>{children}</SafeLink> : <span key={key}>{children}</span>;
    }
    case 'image': {
      const src = safeImageUrl(node.src, ctx.policy.allowedImageOrigins ?? []);
      if (src) return <img key={key} src={src} alt={node.alt} loading="lazy" referrerPolicy="no-referrer" className="parlant-md-image" />;
      const href = safeLinkUrl(node.src);
      if (!href) return <span key={key}>{node.alt}</span>;
      return (
        <SafeLink key={key} href={href} policy={ctx.policy}>
          {node.alt ? `${node.alt} (${ctx.imageBlocked(linkHost(href))})` : ctx.imageBlocked(linkHost(href))}
        </SafeLink>
      );
    }
  }
}

function SafeLink({ href, policy, children }: { href: string; policy: MarkdownPolicy; children: ReactNode }) {
  const target = policy.linkTarget ?? '_blank';
  return (
    <a
      href={href}
      target={target}
      rel="noopener noreferrer nofollow ugc"
      title={linkHost(href)}
      onClick={policy.onLinkClick ? (event) => policy.onLinkClick?.(href, event) : undefined}
    >
      {children}
    </a>
  );
}
