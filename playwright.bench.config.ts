import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// Benchmarks print figures; they assert nothing about speed. One worker, so timings do not compete.
export default defineConfig({ ...base, testDir: 'test/bench', testMatch: '**/*.bench.ts', workers: 1, fullyParallel: false, timeout: 180_000 });
