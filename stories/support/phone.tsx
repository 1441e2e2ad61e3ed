/**
 * Surroundings for phone stories: phone-sized viewports, a shop page laid out for a phone, and
 * an on-screen keyboard.
 */
import { useLayoutEffect, type CSSProperties, type ReactNode } from 'react';
import { expect, waitFor, within } from 'storybook/test';

/** Viewports for `parameters.viewport.options`; pick one with `globals.viewport.value`. */
export const PHONE_VIEWPORTS = {
  phone: { name: 'Phone 375×667', styles: { width: '375px', height: '667px' }, type: 'mobile' },
  smallPhone: { name: 'Small phone 320×568', styles: { width: '320px', height: '568px' }, type: 'mobile' },
} as const;

/** The two phone sizes, for `parameters.screenshot.viewport`. */
export const PHONE = { width: 375, height: 667 } as const;
export const SMALL_PHONE = { width: 320, height: 568 } as const;

/**
 * A made-up shop page as a phone shows it, filling the viewport behind the widget.
 * @example render: (args) => <PhonePage><ParlantChatbox {...args} variant="floating" /></PhonePage>
 */
export function PhonePage({ children }: { children: ReactNode }) {
  return (
    <>
      <div data-phone-page="" style={PAGE}>
        <p style={{ margin: 0, fontSize: 12, letterSpacing: '0.08em', textTransform: 'uppercase', color: '#4b5563' }}>Acme Outdoor</p>
        <h1 style={{ margin: '4px 0 10px', fontSize: 24 }}>Trail Runner 2 jacket</h1>
        <div style={{ height: 180, borderRadius: 12, background: '#c7d2fe' }} />
        <p style={{ margin: '14px 0 0', lineHeight: 1.5, color: '#374151' }}>
          Light, packable and waterproof. Questions about sizing, delivery or returns? Our assistant answers right away.
        </p>
      </div>
      {children}
    </>
  );
}

/**
 * A help page on a phone with a 320 px column for an inline widget, as a narrow sidebar or a
 * card in a grid would give it.
 * @example render: (args) => <PhoneColumn><ParlantChatbox {...args} /></PhoneColumn>
 */
export function PhoneColumn({ children }: { children: ReactNode }) {
  return (
    <div data-phone-page="" style={{ ...PAGE, padding: '16px 0' }}>
      <h1 style={{ margin: '0 0 12px', paddingInline: 28, fontSize: 22 }}>Help centre</h1>
      <div style={{ width: 320, height: 'calc(100% - 48px)', marginInline: 'auto' }}>{children}</div>
    </div>
  );
}

const PAGE: CSSProperties = {
  position: 'fixed',
  inset: 0,
  padding: '20px 18px',
  boxSizing: 'border-box',
  background: '#f6f7f9',
  color: '#111827',
  fontFamily: 'system-ui, sans-serif',
};

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/**
 * Stands in for an on-screen keyboard `height` px tall: while mounted, the page's visual
 * viewport reports that much less height (what Android Chrome does; the layout viewport stays)
 * and fires `resize`, and a keyboard is drawn where the real one would be. Only the widget's
 * reaction is real; the numbers come from here.
 * @example <SimulatedKeyboard height={260} />
 */
export function SimulatedKeyboard({ height }: { height: number }) {
  useLayoutEffect(() => {
    const viewport = window.visualViewport;
    if (!viewport) return;
    Object.defineProperty(viewport, 'height', { configurable: true, get: () => document.documentElement.clientHeight - height });
    viewport.dispatchEvent(new Event('resize'));
    return () => {
      delete (viewport as { height?: number }).height;
      viewport.dispatchEvent(new Event('resize'));
    };
  }, [height]);
  return (
    <div aria-hidden="true" data-simulated-keyboard="" style={{ ...KEYBOARD, height }}>
      {ROWS.map((row) => (
        <div key={row} style={{ display: 'flex', gap: 5, justifyContent: 'center' }}>
          {[...row].map((key) => (
            <span key={key} style={KEY}>
              {key}
            </span>
          ))}
        </div>
      ))}
      <div style={{ ...KEY, flex: 'none', width: '60%', margin: '0 auto' }}>space</div>
    </div>
  );
}

const KEYBOARD: CSSProperties = {
  position: 'fixed',
  insetInline: 0,
  bottom: 0,
  zIndex: 2147483647,
  boxSizing: 'border-box',
  padding: '10px 4px',
  display: 'flex',
  flexDirection: 'column',
  justifyContent: 'space-around',
  background: '#d1d5db',
  fontFamily: 'system-ui, sans-serif',
};

const KEY: CSSProperties = {
  flex: '0 1 32px',
  padding: '10px 0',
  borderRadius: 6,
  background: '#ffffff',
  color: '#111827',
  fontSize: 17,
  textAlign: 'center',
  boxShadow: '0 1px 0 #9ca3af',
};

/**
 * For play functions: the open widget is a modal sheet exactly the size of the viewport, titled
 * `name`, with the launcher hidden.
 * @example await expectFullScreenSheet(canvasElement);
 */
export async function expectFullScreenSheet(canvasElement: HTMLElement, name = 'Haxon'): Promise<void> {
  const sheet = await within(canvasElement).findByRole('dialog', { name });
  await expect(sheet).toHaveAttribute('aria-modal', 'true');
  // Once it has slid in.
  await waitFor(() => expect(sheet.getBoundingClientRect()).toMatchObject({ top: 0, left: 0, width: innerWidth, height: innerHeight }));
  await expect(canvasElement.querySelector('.parlant-launcher')).not.toBeVisible();
}
