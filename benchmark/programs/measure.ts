// Shared by every benchmark program: where to synthesize, and how to report.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** A fresh output folder, so every run writes its files for real. */
export function freshOutdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'zt-bench-'));
}

/** Prints the process's peak memory as the last line and removes the output. */
export function report(outdir: string, extra: Record<string, unknown> = {}): void {
  fs.rmSync(outdir, { recursive: true, force: true });
  // maxRSS is in kilobytes on Linux.
  console.log(JSON.stringify({ peakRssKb: process.resourceUsage().maxRSS, ...extra }));
}
