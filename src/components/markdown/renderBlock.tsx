import type { ReactNode } from 'react';
import type { Block } from './ast';
import { CodeBlock } from './CodeBlock';
import type { RenderContext } from './context';
import { renderInlines } from './renderInline';
import { Table } from './Table';

/**
 * A block as React elements. Headings are bold paragraphs: a message is not a document, and real
 * heading levels would break the page's outline around the widget.
 * @example renderBlock({ type: 'rule' }, 0, ctx) // <hr />
 */
export function renderBlock(block: Block, key: number, ctx: RenderContext): ReactNode {
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
      return <CodeBlock key={key} lang={block.lang} value={block.value} labels={ctx.labels} highlight={ctx.highlight} />;
    case 'table':
      return <Table key={key} block={block} ctx={ctx} />;
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
