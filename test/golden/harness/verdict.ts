/**
 * Applies a fixture's classified artefacts to the differences of a replay: what is left must
 * be nothing, and every artefact must still explain something (a stale classification hides
 * nothing and misleads).
 */
import type { Difference } from './compare';
import type { Artefact } from './types';

/** The outcome of one replay. @example if (v.unexplained.length > 0) fail(); */
export interface Verdict {
  unexplained: Difference[];
  explained: Array<Difference & { reason: string }>;
  /** Artefacts that matched no difference. */
  stale: Artefact[];
}

/**
 * Sorts differences into explained (an artefact's `at` is a prefix of theirs) and unexplained.
 * @example const v = judge(diffs, fixture.artefacts);
 */
export function judge(differences: readonly Difference[], artefacts: readonly Artefact[]): Verdict {
  const used = new Set<Artefact>();
  const explained: Verdict['explained'] = [];
  const unexplained: Difference[] = [];
  for (const d of differences) {
    const artefact = artefacts.find((a) => d.at === a.at || d.at.startsWith(`${a.at}.`) || d.at.startsWith(`${a.at}[`) || d.at.startsWith(`${a.at}{`));
    if (artefact) {
      used.add(artefact);
      explained.push({ ...d, reason: artefact.reason });
    } else {
      unexplained.push(d);
    }
  }
  return { unexplained, explained, stale: artefacts.filter((a) => !used.has(a)) };
}

/** One line per difference, for a failure message. @example console.log(describeDifferences(v.unexplained)); */
export function describeDifferences(differences: readonly Difference[]): string {
  return differences.map((d) => `  ${d.at}: ${d.message}`).join('\n');
}
