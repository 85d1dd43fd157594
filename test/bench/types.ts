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
}
