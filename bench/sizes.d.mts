/** Types of bench/sizes.mjs. */
export type Entrypoint = 'content' | 'reader' | 'banner' | 'background' | 'popup';

export interface Budgets {
  /** How the figures are counted, for a reader of the JSON. */
  unit: string;
  /** gzip -9 bytes; the KB are 1000 bytes. */
  bundles: Record<
    Entrypoint,
    { label: string; maxGzipBytes: number; targetGzipBytes?: number; why?: string; countsCss?: boolean }
  >;
  /** Targets the benchmark compares its figures with; never asserted (timings vary). */
  targets: Record<string, { value: number; unit: string; what: string }>;
}

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

export interface EntrypointSize {
  entry: Entrypoint;
  label: string;
  /** The JavaScript counted against the budget (with the CSS where `countsCss`). */
  files: FileSize[];
  css: FileSize[];
  raw: number;
  gzip: number;
  cssRaw: number;
  cssGzip: number;
  /** Whether `gzip` includes the CSS. */
  countsCss: boolean;
  budgetBytes: number;
  withinBudget: boolean;
  /** The target when it differs from the enforced budget (see budgets.json `why`). */
  targetBytes: number;
  withinTarget: boolean;
}

export declare const BUDGETS_FILE: URL;
/** 1 KB = 1000 bytes. */
export declare const KB: 1000;
export declare const ENTRYPOINTS: readonly ['content', 'reader', 'banner', 'background', 'popup'];
export declare const BANNER_SCRIPT: string;
export declare const READER_SCRIPT: string;
export declare function loadBudgets(): Budgets;
export declare function entrypointFiles(buildDir: string): Record<Entrypoint, { js: string[]; css: string[] }>;
export declare function measureBuild(buildDir: string, budgets?: Budgets): EntrypointSize[];
export declare function kb(bytes: number): string;
