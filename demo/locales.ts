import type { ChatLabels, InspectLabels } from '../src';
import { frenchLabels, hebrewLabels } from '../stories/support/locales';

/** Languages of the demo's language switch; the complete label sets are the ones documented in Storybook. */
export const locales: Record<string, { name: string; dir: 'ltr' | 'rtl'; labels: Partial<ChatLabels & InspectLabels> }> = {
  en: { name: 'English', dir: 'ltr', labels: {} },
  fr: { name: 'Français', dir: 'ltr', labels: frenchLabels },
  he: { name: 'עברית', dir: 'rtl', labels: hebrewLabels },
};
