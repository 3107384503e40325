// Function `village`, the bulk import of households and members from a sheet: the preview of every row
// and what a commit did. Part of the contract of typings/village.ts.

export type ImportAction = 'create' | 'update' | 'unchanged';

export interface ImportRowView {
  /** The row's number in the sheet (1 = first row, the header). */
  line: number;
  grid: string;
  group: string;
  no: string;
  headName: string;
  name: string;
  relation: string;
  /** Masked. */
  idNumber: string;
  /** Masked. */
  phone: string;
  problems: string[];
  /** What a commit would do to this person (when the row has no problem). */
  action: ImportAction | null;
}

export interface ImportCounts {
  rows: number;
  problemRows: number;
  grids: { create: number };
  households: { create: number; update: number; unchanged: number };
  members: { create: number; update: number; unchanged: number };
}

export interface ImportPreview {
  fileName: string;
  rows: ImportRowView[];
  counts: ImportCounts;
}

export interface ImportResult {
  counts: ImportCounts;
}
