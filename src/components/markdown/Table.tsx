import type { Align, Block } from './ast';
import type { RenderContext } from './context';
import { renderInlines } from './renderInline';
import { inlineText } from './text';

const alignOf = (align: readonly Align[], column: number) => align[column] ?? undefined;

/**
 * A GitHub-flavoured table: column headers (`scope="col"`), alignment as `data-align` (styled in
 * CSS, no inline styles), inside a region that scrolls sideways when the table is wider than the
 * bubble. The region is focusable and named after the columns, so a keyboard user can reach it
 * and scroll it with the arrow keys.
 * @example <Table block={parseMarkdown('| a |\n| - |\n| 1 |')[0]} ctx={ctx} />
 */
export function Table({ block, ctx }: { block: Extract<Block, { type: 'table' }>; ctx: RenderContext }) {
  return (
    <div className="parlant-md-table" role="region" aria-label={ctx.labels.table(block.head.map(inlineText))} tabIndex={0}>
      <table>
        <thead>
          <tr>
            {block.head.map((cell, column) => (
              <th key={column} scope="col" data-align={alignOf(block.align, column)}>
                {renderInlines(cell, ctx)}
              </th>
            ))}
          </tr>
        </thead>
        {block.rows.length > 0 && (
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, column) => (
                  <td key={column} data-align={alignOf(block.align, column)}>
                    {renderInlines(cell, ctx)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        )}
      </table>
    </div>
  );
}
