// min / median / max of a figure's samples. Pure: the table and the JSON are built from this.

export interface Summary {
  min: number;
  median: number;
  max: number;
  /** How many samples the three numbers summarise. */
  runs: number;
}

/** The median of an even count is the mean of the two middle samples (the usual definition). */
export function median(samples: readonly number[]): number {
  if (!samples.length) throw new Error('median of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function summarize(samples: readonly number[]): Summary {
  for (const sample of samples) {
    if (!Number.isFinite(sample)) throw new Error(`a sample is not a finite number: ${sample}`);
  }
  if (!samples.length) throw new Error('cannot summarise a figure without samples');
  return {
    min: Math.min(...samples),
    median: median(samples),
    max: Math.max(...samples),
    runs: samples.length,
  };
}

/** Median of each key over several records (per-phase timings of several starts). */
export function medianByKey(records: readonly Record<string, number>[]): Record<string, number> {
  const keys: string[] = [];
  for (const record of records)
    for (const key of Object.keys(record)) if (!keys.includes(key)) keys.push(key);
  const result: Record<string, number> = {};
  for (const key of keys) {
    const values = records.map((record) => record[key]).filter((v): v is number => v !== undefined);
    result[key] = median(values);
  }
  return result;
}
