/**
 * Surroundings for stories of single parts: everything `<ParlantChatbox>` would put around them.
 */
import type { Decorator } from '@storybook/react-vite';
import type { CSSProperties, ReactNode } from 'react';
import { ChatParts } from '../../src';
import './parameters';

/**
 * Decorator for part stories (set `parameters.frame = false` too): renders the story inside the
 * widget's root element, so the `--parlant-*` tokens and styles apply and axe checks contrast
 * against the real background, with labels and limits from `parameters.part`.
 * @example const meta = { decorators: [withPartFrame], parameters: { frame: false, part: { list: true } } } satisfies Meta;
 */
export const withPartFrame: Decorator = (Story, { parameters }) => {
  const part = parameters.part ?? {};
  const sized = part.height !== undefined;
  return (
    <div
      className="parlant-chatbox"
      data-color-scheme={part.colorScheme ?? 'light'}
      dir={part.dir}
      style={{
        maxWidth: 420,
        padding: 16,
        borderRadius: 12,
        background: 'var(--parlant-background)',
        ...(sized && { height: part.height, display: 'flex', flexDirection: 'column' }),
      }}
    >
      <ChatParts {...part.markdown} {...(part.onFeedback && { onFeedback: part.onFeedback })} {...(part.labels && { labels: part.labels })} {...(part.maxMessageLength && { maxMessageLength: part.maxMessageLength })} {...(part.locale && { locale: part.locale })}>
        {part.list ? (
          <ol className="parlant-log">
            <Story />
          </ol>
        ) : (
          <Story />
        )}
      </ChatParts>
    </div>
  );
};

/**
 * A made-up shop page for floating stories, filling the viewport behind the launcher, so the
 * widget is seen (and captured) where a visitor would meet it.
 * @example render: (args) => <HostPage><ParlantChatbox {...args} variant="floating" /></HostPage>
 */
export function HostPage({ children }: { children: ReactNode }) {
  return (
    <>
      <div data-host-page="" style={HOST_PAGE}>
        <p style={{ margin: 0, fontSize: 13, letterSpacing: '0.08em', textTransform: 'uppercase', color: '#4b5563' }}>Acme Outdoor</p>
        <h1 style={{ margin: '6px 0 12px', fontSize: 30 }}>Trail Runner 2 jacket</h1>
        <p style={{ margin: 0, maxWidth: 420, lineHeight: 1.5, color: '#374151' }}>
          Light, packable and waterproof. Questions about sizing, delivery or returns? Our assistant answers right away.
        </p>
        <div style={{ display: 'flex', gap: 16, marginTop: 28 }}>
          {['#c7d2fe', '#bbf7d0', '#fde68a'].map((color) => (
            <div key={color} style={{ width: 140, height: 170, borderRadius: 12, background: color }} />
          ))}
        </div>
      </div>
      {children}
    </>
  );
}

const HOST_PAGE: CSSProperties = {
  position: 'fixed',
  inset: 0,
  padding: '40px 48px',
  boxSizing: 'border-box',
  background: '#f6f7f9',
  color: '#111827',
  fontFamily: 'system-ui, sans-serif',
};
