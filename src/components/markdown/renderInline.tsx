import { Fragment, type ReactNode } from 'react';
import type { Inline } from './ast';
import type { MarkdownPolicy, RenderContext } from './context';
import { highlight } from './highlight';
import { linkHost, safeImageUrl, safeLinkUrl } from './safeUrl';

/**
 * Inline nodes as React elements: text stays text, links pass {@link safeLinkUrl}, images load
 * only from allowed origins (otherwise they become a link that names the host).
 * @example renderInlines(parseInline('**hi**'), ctx) // [<strong>hi</strong>]
 */
export function renderInlines(nodes: Inline[], ctx: RenderContext): ReactNode[] {
  return nodes.map((node, i) => renderInline(node, i, ctx));
}

function renderInline(node: Inline, key: number, ctx: RenderContext): ReactNode {
  switch (node.type) {
    case 'text':
      return ctx.highlight ? <Fragment key={key}>{highlight(node.value, ctx.highlight)}</Fragment> : node.value;
    case 'break':
      return <br key={key} />;
    case 'code':
      return <code key={key}>{highlight(node.value, ctx.highlight)}</code>;
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
      const blocked = ctx.labels.imageBlocked(linkHost(href));
      return (
        <SafeLink key={key} href={href} policy={ctx.policy}>
          {node.alt ? `${node.alt} (${blocked})` : blocked}
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
