export interface FuseInfo {
  name: string;
  /** electron-builder's `electronFuses` key; null for a fuse electron-builder cannot set. */
  key: string | null;
  electronDefault: boolean;
}
export interface FuseRow {
  index: number;
  name: string;
  on: boolean;
  source: 'electron-builder.yml' | 'Electron default';
  expected: 'on' | 'off';
  actual: string;
  ok: boolean;
}
export interface FuseComparison {
  ok: boolean;
  count: number;
  version: string;
  rows: FuseRow[];
}
export type ElectronFuses = Record<string, boolean | undefined>;
export interface BuilderConfig {
  productName?: string;
  directories?: { output?: string };
  files?: unknown[];
  asarUnpack?: string[];
  electronFuses?: ElectronFuses;
  linux?: { executableName?: string; target?: string[] };
  [key: string]: unknown;
}
export const ELECTRON_45_FUSES: FuseInfo[];
export const FUSE_POLICY: Record<string, boolean>;
export const FUSE_SENTINEL: string;
export function readBuilderConfig(root: string): BuilderConfig;
export function expectedFuses(electronFuses: ElectronFuses | undefined): Array<Pick<FuseRow, 'index' | 'name' | 'on' | 'source'>>;
export function compareFuses(wire: Record<string | number, unknown>, electronFuses: ElectronFuses | undefined): FuseComparison;
export function formatFuseRows(result: FuseComparison): string;
export function standInElectron(wire: string): Buffer;
export function foreignRequires(source: string, allowed: string[]): string[];
export function dynamicRequires(source: string): string[];
export function parseYaml(text: string): unknown;
