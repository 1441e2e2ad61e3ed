import type { StoryContext } from '@storybook/react-vite';
import { ParlantChatbox, type ParlantChatboxProps } from '../../src';
import { DEFAULT_AGENT_ID } from '../../src/testing';
import { disposeParlant, PARLANT_ORIGIN, parlantLoader, parlantOf, type ParlantParameters } from './emulator';
import { seedTurns } from './seed';

/**
 * What every story of the whole widget shares: a fresh emulator per story (seeded as its
 * `parlant` parameter says), and the widget pointed at it, resuming the seeded session if any.
 * @example const meta = { title: 'Widget/Floating', ...chatboxStory } satisfies Meta<typeof ParlantChatbox>;
 */
export const chatboxStory = {
  component: ParlantChatbox,
  loaders: [parlantLoader],
  beforeEach: disposeParlant,
  args: { server: PARLANT_ORIGIN, agentId: DEFAULT_AGENT_ID },
  render: (args: ParlantChatboxProps, context: Pick<StoryContext, 'loaded'>) => {
    const { server, sessionId } = parlantOf(context);
    return <ParlantChatbox {...args} server={server} {...(sessionId && { sessionId })} />;
  },
};

/** A conversation with two tool-informed answers, played by the scripted agent before mount. */
export const withToolConversation: ParlantParameters = {
  // Fixed times, so the README screenshots taken from these stories only change with the widget.
  startsAt: '2026-06-26T09:41:00Z',
  seed: async (emu) => ({ sessionId: await seedTurns(emu, ['What is my balance?', 'And where is my order?']) }),
};

/** Floating stories cover the page; in docs they get an iframe so they stay in their box. */
export const floatingLayout = {
  layout: 'fullscreen',
  docs: { story: { inline: false, height: '760px' } },
} as const;
