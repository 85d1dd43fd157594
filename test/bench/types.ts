export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  target?: string;
  ok?: boolean;
}

export interface BenchResult {
  title: string;
  rows: BenchRow[];
  /** Assumptions worth printing with the figures (price tables, what is left out). */
  notes?: string[];
}
