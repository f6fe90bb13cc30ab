import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // Keychain and simulator tests share one gnome-keyring; files run in parallel but each uses its own service names.
  },
});
