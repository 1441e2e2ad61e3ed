/**
 * The host pages' stylesheets: real ones from the packages people start from (the create-vite
 * React template, Tailwind's preflight, Bootstrap's reboot, normalize.css), and hostile ones
 * written here for each kind of global rule a page may have.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'tailwindcss';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const fromPackage = (path: string) => readFileSync(`${ROOT}node_modules/${path}`, 'utf8');

/** Tailwind 4 compiled as a page's build would (its JS API: no scanner is needed for a few classes). */
async function tailwind(source: string, candidates: string[] = []): Promise<string> {
  const packageDir = `${ROOT}node_modules/tailwindcss/`;
  const compiler = await compile(source, {
    base: ROOT,
    loadStylesheet: async (id: string, base: string) => {
      const path = id === 'tailwindcss' ? `${packageDir}index.css` : id.startsWith('tailwindcss/') ? packageDir + id.slice(12) : resolve(base, id);
      return { path, base: dirname(path), content: readFileSync(path, 'utf8') };
    },
  });
  return compiler.build(candidates);
}

/** Global element rules as loud as they come, for every element the widget renders. */
const ELEMENT_RULES = `
button { border-radius: 0; padding: 14px 28px; border: 3px solid #c00; background: #ff0; color: #00c;
  font: italic 700 20px/2 serif; text-transform: uppercase; letter-spacing: 3px; min-width: 120px;
  box-shadow: 0 0 0 4px #0c0; margin: 6px; }
textarea { padding: 24px; border: 4px dashed #080; border-radius: 0; font: 22px/2 monospace; background: #eef;
  color: #800; resize: both; min-height: 200px; width: 100%; margin: 10px; box-sizing: content-box; }
h1, h2, h3, h4, h5, h6 { font: 700 44px/1 serif; margin: 30px 0; color: #909; text-transform: uppercase;
  text-decoration: underline; letter-spacing: 4px; }
p { margin: 2em 1em; font-size: 22px; line-height: 2.2; text-indent: 2em; color: #333; max-width: 30ch; }
ul, ol { margin: 2em; padding: 0 0 0 4em; list-style: square inside; }
li { margin: 1em 0; padding: 4px; border-left: 4px solid #c0c; }
a { color: #f0f; font-weight: 900; text-decoration: none; border-bottom: 2px dotted; }
code, pre { font: 20px/1.8 fantasy; background: #000; color: #0f0; padding: 10px; display: block; }
time, small, strong, em { font-size: 2em; }
details, summary { display: block; border: 2px solid; padding: 10px; }
table, th, td { border: 3px double #000; padding: 12px; }
::placeholder { color: #f00; opacity: 0.3; }
`;

/** Text styles on an ancestor: they inherit into whatever the page holds. */
const INHERITED = `
body { text-align: center; line-height: 3; letter-spacing: 2px; word-spacing: 6px; text-transform: uppercase;
  font-style: italic; font-weight: 700; font-variant: small-caps; text-indent: 40px; text-shadow: 1px 1px 2px #f00;
  white-space: pre; word-break: break-all; color: #c00; font-size: 22px; tab-size: 2; cursor: wait; }
`;

/**
 * Host pages, by name: each is a stylesheet the widget must look the same under (the page's own
 * font aside, which the widget inherits on purpose).
 */
export const HOSTS: Record<string, { about: string; css: () => Promise<string> | string }> = {
  bare: { about: 'no stylesheet at all', css: () => '' },
  'create-vite': {
    about: "create-vite's React template (index.css and App.css: a centred #root, h2 and p rules)",
    css: () => fromPackage('create-vite/template-react-ts/src/index.css') + fromPackage('create-vite/template-react-ts/src/App.css'),
  },
  'tailwind-preflight': {
    about: "Tailwind's preflight, unlayered as Tailwind 3 emits it (border: 0 solid on everything, headings and lists flattened)",
    css: () => tailwind('@import "tailwindcss/preflight.css";'),
  },
  tailwind: { about: 'Tailwind 4 as `@import "tailwindcss"` builds it (preflight in a cascade layer)', css: () => tailwind('@import "tailwindcss";') },
  'bootstrap-reboot': { about: "Bootstrap's reboot", css: () => fromPackage('bootstrap/dist/css/bootstrap-reboot.css') },
  normalize: { about: 'normalize.css', css: () => fromPackage('normalize.css/normalize.css') },
  'content-box': { about: '`* { box-sizing: content-box }`', css: () => '*, *::before, *::after { box-sizing: content-box; }' },
  elements: { about: 'global button, textarea, h1–h6, p, ul/ol/li, a, code/pre, table rules', css: () => ELEMENT_RULES },
  inherited: { about: 'a centred, line-height 3, uppercase, letter-spaced ancestor', css: () => INHERITED },
};

/** A host that restyles the widget on purpose, through its classes and tokens. */
export const THEMING_HOST = `
.parlant-chatbox { --parlant-accent: rgb(15, 118, 110); }
.parlant-title { letter-spacing: 2px; }
.shop .parlant-bubble { border-radius: 3px; }
.my-send { border-radius: 0; }
`;

/**
 * Tailwind 4 with the widget's stylesheet imported into a layer between Tailwind's base (the
 * preflight) and its utilities, as the README recommends for Tailwind pages: utilities in
 * `classNames` then win over the widget's looks, and the preflight still does not reach it.
 */
export const tailwindLayered = async () =>
  `@layer theme, base, parlant, components, utilities;\n@import url('/widget.css') layer(parlant);\n${await tailwind('@import "tailwindcss";', ['rounded-none', 'tracking-widest'])}`;
