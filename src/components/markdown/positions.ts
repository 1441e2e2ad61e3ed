/**
 * A map from positions in one text to positions (or -1), backed by a typed array: lookups during
 * parsing never hash or grow, so a text with tens of thousands of brackets costs the same per
 * character as a short one. The array is only allocated once something is stored.
 * @example const closes = new Positions(text.length); closes.set(0, 5); closes.get(0) // 5
 */
export class Positions {
  private slots: Int32Array | undefined;

  constructor(private readonly length: number) {}

  /** The position stored for `at`, or `undefined` if none was. */
  get(at: number): number | undefined {
    const slot = this.slots?.[at] ?? 0;
    return slot === 0 ? undefined : slot - 2;
  }

  /** Stores `value` (a position, or -1) for `at`. */
  set(at: number, value: number): void {
    this.slots ??= new Int32Array(this.length + 1);
    this.slots[at] = value + 2;
  }
}
