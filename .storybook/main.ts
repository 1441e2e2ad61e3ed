import type { StorybookConfig } from '@storybook/react-vite';
import type { PluginOption } from 'vite';

/**
 * Plugins of the library's own vite.config.ts that only make sense for `vite build` of the
 * package: type bundling and the CSS asset. Storybook loads that config too, and in
 * `storybook build` they would emit declaration files and styles.css into the static site.
 */
const LIBRARY_BUILD_PLUGINS = new Set(['unplugin-dts', 'vite:dts', 'parlant-css-bundle']);

function withoutLibraryBuildPlugins(plugins: PluginOption[] | undefined): PluginOption[] {
  return (plugins ?? []).flat().filter((plugin) => !(plugin && typeof plugin === 'object' && 'name' in plugin && LIBRARY_BUILD_PLUGINS.has(plugin.name)));
}

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.tsx'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs', '@storybook/addon-vitest'],
  // Serves mockServiceWorker.js at the site root, where MSW registers it (scope "/").
  staticDirs: ['./public'],
  core: { disableTelemetry: true },
  typescript: {
    // Resolves props inherited across files (ParlantChatboxProps extends ChatConfig), so the docs
    // pages list every prop; DOM attributes from @types/react are left out.
    reactDocgen: 'react-docgen-typescript',
    reactDocgenTypescriptOptions: {
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
      propFilter: (prop) => !prop.parent || !/node_modules/.test(prop.parent.fileName),
    },
  },
  viteFinal: (viteConfig) => ({ ...viteConfig, plugins: withoutLibraryBuildPlugins(viteConfig.plugins) }),
};

export default config;
