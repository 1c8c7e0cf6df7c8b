/** Percentiles over recorded latencies (milliseconds). */
export class Latencies {
  private readonly values: number[] = [];

  add(ms: number): void {
    this.values.push(ms);
  }

  get count(): number {
    return this.values.length;
  }

  percentile(p: number): number {
    if (this.values.length === 0) return NaN;
    const sorted = [...this.values].sort((a, b) => a - b);
    return sorted[
      Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
    ]!;
  }

  max(): number {
    return this.values.reduce((m, v) => Math.max(m, v), 0);
  }
}
