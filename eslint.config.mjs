// The house rules (docs/ARCHITECTURE.md) as lint rules, so a wrong import fails in the editor, not only in a
// test. Every arrow points down: model ← domain ← ipc ← app ← Electron glue; the renderer sees the model and
// the contract's types. test/unit/architecture/boundaries.test.ts proves each rule fires.
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

/** Folders of plain-TypeScript domain code: no Electron, no transport, no composition root. */
const DOMAIN = ['auth', 'audit', 'bulk', 'campaign', 'connections', 'diagnostics', 'drafts', 'errors', 'files', 'http', 'logging', 'policy', 'preferences', 'profiles', 'secrets', 'security', 'spreadsheets', 'storage'];
const domainFiles = DOMAIN.map((d) => `main/${d}/**/*.ts`);

const restricted = (paths, patterns) => ['error', { paths, patterns }];
const electron = { name: 'electron', message: 'Only the Electron glue (main/index.ts, main/window.ts, main/preload.ts) imports electron.' };
const axios = { name: 'axios', message: 'Only the HTTP adapter (main/http/axios-http.ts) imports axios; take an HttpClient.' };
const keytar = { name: 'keytar', message: 'Only the keychain adapter (main/secrets/keychain-store.ts) imports keytar; take a SecretStore.' };
const upward = (message) => ({ group: ['**/ipc/*', '**/app/*', '**/simulator/*', '**/index', '**/window', '**/preload'], message });

/** require('x') and import('x') slip past import rules; forbid them for these modules. */
const noDynamic = (modules) => [
  'error',
  ...modules.flatMap((m) => [
    { selector: `CallExpression[callee.name='require'][arguments.0.value='${m}']`, message: `require('${m}') is not allowed here.` },
    { selector: `ImportExpression[source.value='${m}']`, message: `import('${m}') is not allowed here.` },
  ]),
];

/** The renderer sees main/model (values) and the contract (types only); no Node, electron, axios, keytar or zod. */
function rendererImports(extraPatterns) {
  return {
    'no-restricted-imports': 'off',
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        paths: [electron, axios, keytar, { name: 'zod', message: 'The renderer takes types from the contract; main validates.' }],
        patterns: [
          { regex: '^node:', message: 'The renderer has no Node.' },
          { regex: '(^|/)main/(?!model/|ipc/contract$)', message: 'The renderer imports main/model (values) and the contract (types) only.' },
          { regex: '(^|/)main/ipc/contract$', allowTypeImports: true, message: 'The renderer imports the contract type-only.' },
          ...extraPatterns,
        ],
      },
    ],
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test/artifacts/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },

  // ---------- main ----------
  {
    files: ['main/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': restricted([electron, axios, keytar], []),
      'no-restricted-syntax': noDynamic(['electron', 'axios', 'keytar']),
    },
  },
  {
    // The ground floor: imports nothing but itself, so both processes can use it.
    files: ['main/model/**/*.ts'],
    rules: {
      'no-restricted-imports': restricted([], [{ regex: '^(?!\\./)', message: 'main/model imports nothing outside main/model (no packages, no node:, no domain).' }]),
    },
  },
  {
    files: domainFiles,
    rules: {
      'no-restricted-imports': restricted([electron, axios, keytar], [upward('Domain code imports the model and other domain folders, never ipc/, app/, simulator/ or the Electron glue.')]),
    },
  },
  { files: ['main/http/axios-http.ts'], rules: { 'no-restricted-imports': restricted([electron, keytar], [upward('Adapters stay below ipc/ and app/.')]) } },
  { files: ['main/secrets/keychain-store.ts'], rules: { 'no-restricted-imports': restricted([electron, axios], [upward('Adapters stay below ipc/ and app/.')]), 'no-restricted-syntax': noDynamic(['electron', 'axios']) } },
  {
    files: ['main/simulator/**/*.ts'],
    rules: { 'no-restricted-imports': restricted([electron, axios, keytar], [{ group: ['**/ipc/*', '**/app/*'], message: 'The simulator is a stand-in for Campaign: it knows nothing of the app.' }]) },
  },
  {
    files: ['main/ipc/**/*.ts'],
    rules: { 'no-restricted-imports': restricted([electron, axios, keytar], [{ group: ['**/app/*', '**/simulator/*'], message: 'ipc/ is below the composition root (app/).' }]) },
  },
  {
    // The channel names are all the preload bundles: they import nothing.
    files: ['main/ipc/channels.ts'],
    rules: { 'no-restricted-imports': restricted([], [{ regex: '.*', message: 'channels.ts imports nothing: the preload bundles it.' }]) },
  },
  {
    files: ['main/index.ts', 'main/window.ts', 'main/preload.ts'],
    rules: { 'no-restricted-imports': restricted([axios, keytar], []), 'no-restricted-syntax': 'off' },
  },
  {
    // The preload is only the bridge: electron, the channel names, and the contract's types (erased).
    files: ['main/preload.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!electron$|\\./ipc/channels$|\\./ipc/contract$)', message: 'The preload imports electron and ./ipc/channels only.' }, { group: ['./ipc/contract'], allowTypeImports: true, message: 'The preload takes only types from the contract (zod stays in main).' }] },
      ],
    },
  },

  // ---------- renderer ----------
  { files: ['renderer/**/*.ts', 'renderer/**/*.svelte'], languageOptions: { globals: globals.browser }, rules: rendererImports([]) },
  {
    // Screens and components talk to main only through their store.
    files: ['renderer/screens/**', 'renderer/components/**', 'renderer/App.svelte'],
    rules: {
      ...rendererImports([{ regex: '/lib/desk$', message: 'Screens and components call main through their store (renderer/stores), never window.desk.' }]),
      'no-restricted-globals': ['error', { name: 'desk', message: 'Call main through a store.' }],
      'no-restricted-properties': ['error', { object: 'window', property: 'desk', message: 'Call main through a store (renderer/stores).' }],
    },
  },

  // ---------- tests and tools ----------
  {
    files: ['test/**/*.ts', '*.mts', '*.mjs', '*.ts', 'scripts/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    // Tests poke at arbitrary JSON answers.
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
