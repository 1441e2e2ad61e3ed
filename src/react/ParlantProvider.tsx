import { createContext, useContext, useLayoutEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useParlantSession, type ParlantSessionState, type UseParlantSessionOptions } from './useParlantSession';

/** The latest conversation state and who wants to hear of the next one. */
interface StateSource {
  read(): ParlantSessionState;
  /** Holds the state the provider just rendered (children rendering now read it). */
  hold(state: ParlantSessionState): void;
  /** Tells the components that did not render with the provider. */
  notify(): void;
  subscribe(listener: () => void): () => void;
}

function stateSource(initial: ParlantSessionState): StateSource {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    read: () => current,
    hold: (state) => void (current = state),
    notify: () => {
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

const ParlantContext = /* @__PURE__ */ createContext<StateSource | null>(null);

/** Props of {@link ParlantProvider}. @example const p: ParlantProviderProps = { server: 'http://localhost:8800', agentId: 'a1', children: null }; */
export interface ParlantProviderProps extends UseParlantSessionOptions {
  children?: ReactNode;
}

/**
 * Runs one conversation (client, store, poll loop and QueryClient of its own) and hands it to
 * every component below through {@link useParlant}. Two providers never share state. What it
 * passes down never changes identity: a component reading one field re-renders only when that
 * field changes.
 * @example
 * <ParlantProvider server="http://localhost:8800" agentId="agent_1">
 *   <MyMessages />
 *   <MyComposer />
 * </ParlantProvider>
 */
export function ParlantProvider({ children, ...options }: ParlantProviderProps) {
  const state = useParlantSession(options);
  const [source] = useState(() => stateSource(state));
  source.hold(state);
  useLayoutEffect(() => source.notify(), [source, state]);
  return <ParlantContext.Provider value={source}>{children}</ParlantContext.Provider>;
}

const whole = (state: ParlantSessionState) => state;

/**
 * The conversation of the nearest {@link ParlantProvider}. With a selector, the component
 * re-renders only when what it selects changes; select fields (or values derived from them that
 * keep their identity), not new objects.
 * @example
 * function SendHello() {
 *   const send = useParlant((chat) => chat.send);
 *   return <button onClick={() => send('Hello')}>Hello</button>;
 * }
 * const { messages, activity } = useParlant();
 */
export function useParlant(): ParlantSessionState;
export function useParlant<T>(select: (state: ParlantSessionState) => T): T;
export function useParlant<T>(select: (state: ParlantSessionState) => T = whole as (state: ParlantSessionState) => T): T {
  const source = useContext(ParlantContext);
  const subscribe = useMemo(() => (listener: () => void) => source?.subscribe(listener) ?? (() => {}), [source]);
  if (!source) throw new Error('parlant-chatbox: useParlant() must be used inside <ParlantProvider> or <ParlantChatbox>.');
  const read = () => select(source.read());
  return useSyncExternalStore(subscribe, read, read);
}
