/** The process crash-safety.test.ts kills: appends in a tight loop, acknowledging each entry once it is fsynced. */
import { createAuditLog } from '../../../main/audit/audit-log';
import { crashEntry } from './audit-fixtures';

const [file, run] = process.argv.slice(2) as [string, string];
const log = createAuditLog({ file, osUser: 'crash-test' });
void (async () => {
  for (let i = 0; ; i++) {
    await log.append(crashEntry(run, i));
    process.stdout.write(`${i}\n`);
  }
})();
