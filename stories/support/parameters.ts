/**
 * Story parameters of this project, typed for every story through Storybook's `Parameters`
 * interface (the same module augmentation msw-storybook-addon uses for `parameters.msw`).
 */
import type { ChatLabels, MarkdownPolicy, MessageFeedback } from '../../src';
import type { ParlantParameters } from './emulator';

/**
 * `parameters.frame`: the box an inline story renders in (size, and the page around the widget
 * for screenshots); `false` for none.
 */
export type FrameParameter = false | { width?: number | string; height?: number | string; padding?: number; background?: string };

/**
 * `parameters.screenshot`: the Vitest run saves a PNG of the story once its play function and the
 * accessibility check passed (see .storybook/vitest.setup.ts).
 */
export interface ScreenshotParameter {
  /** File name under docs/images/, e.g. `widget-light.png`. */
  file: string;
  /** CSS selector of the element to capture, inside the story. */
  selector: string;
  /** Viewport to render at before capturing (the floating widget is placed against it). */
  viewport?: { width: number; height: number };
}

/**
 * `parameters.part`: the surroundings a single part (Message, Composer, …) gets in its stories:
 * the widget's root class (its design tokens), a color scheme and direction, and the
 * presentation settings the widget would otherwise provide.
 */
export interface PartParameter {
  colorScheme?: 'light' | 'dark';
  dir?: 'ltr' | 'rtl';
  /** Wrap the story in the message list's `<ol>` (for `<li>` parts). */
  list?: boolean;
  /** Fixed height, for parts that scroll (the message list). */
  height?: number | string;
  labels?: Partial<ChatLabels>;
  maxMessageLength?: number;
  locale?: string;
  markdown?: MarkdownPolicy;
  /** Takes thumbs up and down on agent replies (the widget's `onFeedback`). */
  onFeedback?: (feedback: MessageFeedback) => void;
}

declare module 'storybook/internal/csf' {
  interface Parameters {
    parlant?: ParlantParameters;
    part?: PartParameter;
    frame?: FrameParameter;
    screenshot?: ScreenshotParameter;
  }
}
