/**
 * The app as crash-safety.test.ts kills it: a real desk (handlers, bulk service, journal, audit trail, the
 * private keychain) in its own process. "start" loads the file and starts the run; "continue" takes up the
 * unfinished run the way the app offers it after a restart, and at the end saves the result file.
 */
import { readFile } from 'node:fs/promises';
import { createDesk } from '../../../main/app/create-desk';
import { createRedactor } from '../../../main/logging/logger';
import { createKeychainStore } from '../../../main/secrets/keychain-store';
import { standInDialogs } from '../../support/file-dialogs';

const [mode, userDataDir, namespace, simFile, csvFile, resultFile] = process.argv.slice(2) as [string, string, string, string, string, string];
const say = (line: string) => process.stdout.write(`${line}\n`);
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

void (async () => {
  const sim = JSON.parse(await readFile(simFile, 'utf8')) as { tenant: string; baseUrl: string; imsUrl: string; apiKey: string; clientSecret: string };
  const dialogs = standInDialogs();
  const { handlers: h } = createDesk({
    userDataDir,
    secrets: createKeychainStore(),
    keychainNamespace: namespace,
    osLanguages: ['de-DE'],
    appVersion: 'crash',
    redactor: createRedactor(),
    osUser: 'crash-test',
    dialogs,
    bulkLimits: { maxRequestsPerSecond: 1000 },
  });
  let runId: string;
  if (mode === 'start') {
    const connection = await h.saveConnection({
      name: 'Crash', tenant: sim.tenant, environment: 'stage', apiName: 'profileAndServicesExt',
      baseUrl: sim.baseUrl, authMode: 'oauth', imsUrl: sim.imsUrl, apiKey: sim.apiKey, clientSecret: sim.clientSecret,
    });
    await h.setBulkRate({ requestsPerSecond: 600 });
    const opened = await h.openDroppedFile({ connectionId: connection.id, name: 'crash.csv', bytes: new Uint8Array(await readFile(csvFile)) });
    const preview = await h.startPreview({ connectionId: connection.id, fileId: opened.file.fileId, mapping: opened.suggestion.mapping });
    while ((await h.previewStatus({ previewId: preview.previewId })).state === 'running') await wait(10);
    runId = (await h.startRun({ previewId: preview.previewId })).runId;
  } else {
    const [unfinished] = await h.unfinishedRuns(undefined);
    if (!unfinished) return say('none');
    runId = (await h.continueRun({ runId: unfinished.runId })).runId;
  }
  say(`run ${runId}`);
  for (;;) {
    const status = await h.runStatus({ runId });
    say(`done ${status.counts.done}`);
    if (status.state === 'finished') break;
    if (status.state === 'failed') throw new Error(JSON.stringify(status.error));
    await wait(20);
  }
  dialogs.nextSave.push(resultFile);
  await h.saveResults({ runId, scope: 'all' });
  say('saved');
  process.exit(0);
})().catch((err: unknown) => {
  console.error(err);
  process.exit(3);
});
