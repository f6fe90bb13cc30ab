/**
 * The security gate's judgement, apart from running the tool, so that tests can feed it reports.
 * electronegativity exits 0 whatever it finds; the gate reads its SARIF report instead. (Its CSV writer
 * writes the header and the rows with two racing fs.writeFile calls, so a CSV can lose rows; SARIF is one write.)
 */

/**
 * @typedef {{ check: string, file: string, line: number, column: number, message: string, review: boolean }} Finding
 * @typedef {{ check: string, file: string, reason: string }} AllowEntry
 */

/**
 * @param {string} sarifText the report electronegativity wrote with `-r -o <file>.sarif`
 * @param {string} scannedDir the folder it scanned, as it should appear in paths ("main")
 * @returns {Finding[]}
 */
export function readFindings(sarifText, scannedDir) {
  const report = JSON.parse(sarifText);
  const results = report?.runs?.[0]?.results;
  if (report?.version !== '2.1.0' || !Array.isArray(results)) throw new Error('not an electronegativity SARIF 2.1.0 report');
  return results.map((result) => {
    const location = result?.locations?.[0]?.physicalLocation;
    const uri = location?.artifactLocation?.uri;
    if (typeof result?.ruleId !== 'string' || typeof uri !== 'string') throw new Error(`unreadable finding: ${JSON.stringify(result)}`);
    return {
      check: result.ruleId,
      // Global checks (e.g. "no CSP anywhere") have no file; the tool writes file:/// for them.
      file: uri === 'file:///' ? 'N/A' : `${scannedDir}/${uri.replaceAll('\\', '/')}`,
      line: location.region?.startLine ?? 0,
      column: location.region?.startColumn ?? 0,
      message: result.message?.text ?? '',
      // electronegativity marks "look at this yourself" findings as notes.
      review: result.level === 'note',
    };
  });
}

/**
 * @param {string} text the allowlist file: a JSON array of { check, file, reason }
 * @returns {AllowEntry[]}
 */
export function parseAllowlist(text) {
  const list = JSON.parse(text);
  if (!Array.isArray(list)) throw new Error('allowlist: expected a JSON array');
  const seen = new Set();
  list.forEach((entry, i) => {
    const keys = entry && typeof entry === 'object' ? Object.keys(entry).sort().join(',') : '';
    if (keys !== 'check,file,reason') throw new Error(`allowlist entry ${i}: needs exactly check, file and reason`);
    for (const key of ['check', 'file', 'reason']) {
      if (typeof entry[key] !== 'string' || entry[key].trim() === '') throw new Error(`allowlist entry ${i}: ${key} must be a non-empty string`);
    }
    const id = `${entry.check} ${entry.file}`;
    if (seen.has(id)) throw new Error(`allowlist entry ${i}: ${id} is listed twice`);
    seen.add(id);
  });
  return list;
}

/**
 * What the gate decides: exit 1 on any finding not allowlisted, and on allowlist entries that match nothing
 * (a stale entry would silently excuse the next finding of that kind in that file).
 * @param {Finding[]} findings
 * @param {AllowEntry[]} allowlist
 * @returns {{ exitCode: 0 | 1, report: string }}
 */
export function judge(findings, allowlist) {
  const allowed = (/** @type {Finding} */ f) => allowlist.some((a) => a.check === f.check && a.file === f.file);
  const remaining = findings.filter((f) => !allowed(f));
  const unused = allowlist.filter((a) => !findings.some((f) => f.check === a.check && f.file === a.file));
  const lines = [];
  if (remaining.length > 0) {
    lines.push(`security gate: ${remaining.length} of ${findings.length} findings are not allowlisted:`, table(remaining));
    lines.push('Fix them, or add { check, file, reason } to security/electronegativity-allowlist.json if they do not apply.');
  }
  if (unused.length > 0) {
    lines.push('security gate: allowlist entries that match no finding (remove them):');
    for (const a of unused) lines.push(`  ${a.check}  ${a.file}`);
  }
  if (lines.length > 0) return { exitCode: 1, report: lines.join('\n') };
  return { exitCode: 0, report: `security gate: ${findings.length} findings, all allowlisted` };
}

/** @param {Finding[]} findings */
function table(findings) {
  const rows = findings.map((f) => [f.check, f.file === 'N/A' ? '(whole app)' : `${f.file}:${f.line}:${f.column}`, `${f.review ? '[review] ' : ''}${f.message}`]);
  const widths = [0, 1].map((c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => `  ${r[0].padEnd(widths[0])}  ${r[1].padEnd(widths[1])}  ${r[2]}`).join('\n');
}
