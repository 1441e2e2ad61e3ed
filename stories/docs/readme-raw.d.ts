/** Vite's `?raw` import of the README: its text. */
declare module '*.md?raw' {
  const text: string;
  export default text;
}
