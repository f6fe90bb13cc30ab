// Entry point of `npm run sim` (bundled and run by scripts/sim.mts).
import { optionsFromEnv } from './env-options';
import { startSimulator } from './server';

async function main(): Promise<void> {
  const options = optionsFromEnv(process.env);
  const sim = await startSimulator(options);
  const { baseUrl, imsUrl, tenant, apiKey, clientSecret, accessToken } = sim;
  // First line: machine-readable, for scripts and tests that start the simulator as a process.
  console.log(JSON.stringify({ baseUrl, imsUrl, tenant, apiKey, clientSecret, accessToken }));
  console.log(`Campaign simulator running with ${sim.profileCount} demo profiles.`);
  console.log(`  Campaign base URL: ${baseUrl}  (profileAndServices, profileAndServicesExt)`);
  console.log(`  IMS token URL:     ${imsUrl}`);
  console.log(`  Client id / secret: ${apiKey} / ${clientSecret}`);
  if (options.latencyMs) console.log(`  Latency: ${options.latencyMs} ms per answer`);
  if (options.rateLimit) console.log(`  Rate limit: ${options.rateLimit.requests} requests per ${options.rateLimit.perSeconds} s`);
  console.log('Press Ctrl+C to stop.');

  const stop = (signal: NodeJS.Signals) => {
    sim.close().then(
      () => console.log(`Simulator stopped (${signal}).`),
      (error: unknown) => {
        console.error('Simulator did not close cleanly:', error);
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
