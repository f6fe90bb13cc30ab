export interface Finding {
  check: string;
  file: string;
  line: number;
  column: number;
  message: string;
  review: boolean;
}
export interface AllowEntry {
  check: string;
  file: string;
  reason: string;
}
export function readFindings(sarifText: string, scannedDir: string): Finding[];
export function parseAllowlist(text: string): AllowEntry[];
export function judge(findings: Finding[], allowlist: AllowEntry[]): { exitCode: 0 | 1; report: string };
