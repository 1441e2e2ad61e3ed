import { useState } from 'react';
import { ParlantChatbox, type ParlantTheme } from '../src';
import { Inspector } from '../src/inspect';
import { HINTS } from './hints';
import { locales } from './locales';

const themes: Record<string, ParlantTheme | undefined> = {
  Default: undefined,
  Teal: { accent: '#0f766e', radius: '10px', bubbleRadius: '10px' },
  Plum: { accent: '#7e22ce', fontFamily: 'Georgia, serif', bubbleRadius: '6px' },
};
const schemes = ['light', 'dark', 'auto'] as const;

/**
 * The demo page: the inline widget beside controls for theme, color scheme, language and inspect
 * mode, and the floating launcher in the corner, both talking to the same agent.
 */
export function DemoApp({ server, agentId }: { server: string; agentId: string }) {
  const [theme, setTheme] = useState('Default');
  const [scheme, setScheme] = useState<(typeof schemes)[number]>('light');
  const [locale, setLocale] = useState('en');
  const [inspect, setInspect] = useState(false);
  const { labels, dir } = locales[locale] ?? { labels: {}, dir: 'ltr' as const };
  const shared = { server, agentId, theme: themes[theme], colorScheme: scheme, labels, dir, ...(inspect && { inspect: Inspector }) };

  return (
    <main className="demo" data-scheme={scheme}>
      <header className="demo-intro">
        <h1>parlant-chatbox</h1>
        <p>
          Connected to <code>{server}</code>, agent <code>{agentId}</code>. The emulated agent answers by keyword; try:
        </p>
        <ul className="demo-hints">
          {HINTS.map((hint) => (
            <li key={hint.text}>
              <q>{hint.text}</q> for {hint.shows}
            </li>
          ))}
        </ul>
        <form className="demo-controls" aria-label="Demo settings" onSubmit={(e) => e.preventDefault()}>
          <Choice label="Theme" value={theme} options={Object.keys(themes)} onChange={setTheme} />
          <Choice label="Color scheme" value={scheme} options={[...schemes]} onChange={(v) => setScheme(v as (typeof schemes)[number])} />
          <Choice label="Language" value={locale} options={Object.keys(locales)} names={Object.fromEntries(Object.entries(locales).map(([k, v]) => [k, v.name]))} onChange={setLocale} />
          <label className="demo-check">
            <input type="checkbox" checked={inspect} onChange={(e) => setInspect(e.target.checked)} />
            Inspect (trace, tools, guidelines, canned responses, moderation)
          </label>
        </form>
      </header>
      <section className="demo-inline" aria-label="Inline widget">
        <ParlantChatbox {...shared} greet createSession="start" />
      </section>
      <ParlantChatbox {...shared} variant="floating" />
    </main>
  );
}

function Choice(props: { label: string; value: string; options: string[]; names?: Record<string, string>; onChange: (value: string) => void }) {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.names?.[o] ?? o}
          </option>
        ))}
      </select>
    </label>
  );
}
