import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { themeStyle } from '../src';
import tokensCss from '../src/styles/tokens.css?raw';
import { COLOR_TOKENS, LAYOUT_TOKENS, TokenTable } from './support/tokens';

const ALL = [...COLOR_TOKENS, ...LAYOUT_TOKENS];
const COLORS = new Set<string>(COLOR_TOKENS.map((token) => token.name));

/** The CSS property a token is checked through (its computed value resolves `var()`, `light-dark()`…). */
function probeProperty(name: string): string {
  if (COLORS.has(name)) return 'color';
  const special: Record<string, string> = {
    '--parlant-shadow': 'box-shadow',
    '--parlant-font-family': 'font-family',
    '--parlant-font-size': 'font-size',
    '--parlant-line-height': 'line-height',
    '--parlant-duration': 'transition-duration',
    '--parlant-z-index': 'z-index',
  };
  return special[name] ?? 'width';
}

/** Computed value of `property: value` on an element inside a widget root of the given scheme. */
function computed(root: HTMLElement, property: string, value: string): string {
  const element = document.createElement('div');
  element.style.position = 'relative';
  element.style.setProperty(property, value);
  root.append(element);
  const result = getComputedStyle(element).getPropertyValue(property);
  element.remove();
  return result;
}

/** Every `--parlant-*` token with its `theme` key and defaults (see also Design tokens › Overview). */
const meta = {
  title: 'Design tokens/Reference',
  parameters: { frame: false },
  render: () => (
    <>
      <TokenTable tokens={COLOR_TOKENS} caption="Colors" />
      <TokenTable tokens={LAYOUT_TOKENS} caption="Shape, type and layout" />
      {/* Empty widget roots, to read the defaults the stylesheet really gives. */}
      <div className="parlant-chatbox" data-color-scheme="light" data-probe="light" />
      <div className="parlant-chatbox" data-color-scheme="dark" data-probe="dark" />
    </>
  ),
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The documentation is complete and true: the same tokens as tokens.css, each `theme` key
 * mapping to its token, and the documented defaults equal to what the stylesheet computes.
 */
export const AllTokens: Story = {
  play: async ({ canvas, canvasElement }) => {
    const defined = new Set(tokensCss.match(/--parlant-[a-z-]+(?=\s*:)/g));
    await expect(new Set(ALL.map((token) => token.name))).toEqual(defined);
    for (const token of ALL) {
      if (token.themeKey) await expect(Object.keys(themeStyle({ [token.themeKey]: 'x' }))).toEqual([token.name]);
      await expect(canvas.getByRole('rowheader', { name: token.name })).toBeVisible();
    }
    for (const scheme of ['light', 'dark'] as const) {
      const root = canvasElement.querySelector(`[data-probe="${scheme}"]`) as HTMLElement;
      for (const token of ALL) {
        const documented = scheme === 'dark' ? (token.dark ?? token.light) : token.light;
        const property = probeProperty(token.name);
        const actual = computed(root, property, `var(${token.name})`);
        await expect(`${scheme} ${token.name}: ${actual}`).toBe(`${scheme} ${token.name}: ${computed(root, property, documented)}`);
      }
    }
  },
};
