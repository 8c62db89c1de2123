import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// The layers (README "Folders", docs/conventions.md): common/ under everything, db/ above it, then
// server/ (domain logic, services, and the HTTP and framework glue around them), then app/. An
// import may only reach down. Resolved paths are compared, so `../../db/x` and `@/db/x` are the same.
const layers = [
  {
    rules: {
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './common',
              from: ['./db', './server', './app'],
              message: 'common/ holds what every layer shares and imports none of them.',
            },
            {
              target: './db',
              from: ['./server', './app'],
              message: 'db/ is below the app: it is given what it needs (a file path, the enumerations from common/).',
            },
            {
              target: './server',
              from: './app',
              message: 'server/ must not import app/: move what both need down (common/, messages/, or a type in server/).',
            },
            {
              target: './app',
              from: './db',
              message: 'app/ reaches the database only through server/ (server/db.ts for the connection, services for the data).',
            },
            {
              target: ['./server/services', './server/domain'],
              from: ['./server/api', './server/http', './server/auth.ts', './server/cli', './server/build'],
              message: 'Services and domain logic know nothing of HTTP, tRPC or sign-in: they take (db, actor, input).',
            },
            {
              target: './server/domain',
              from: ['./db', './server/db.ts', './server/services', './server/shared-state'],
              message: 'server/domain/ is pure logic without I/O.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/services/**', 'server/domain/**', 'server/shared-state/**', 'db/**', 'common/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['next', 'next/*', 'next-auth', 'next-auth/*', 'next-intl', 'next-intl/*'],
              message: 'Framework imports belong to app/ and the server glue (server/api, server/http, server/auth.ts), not to services.',
            },
          ],
        },
      ],
    },
  },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      '.next/**',
      'dist/**',
      'node_modules/**',
      'drizzle/**',
      'data/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
      'tmp/**',
      'shot.mts',
    ],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...layers,
];

export default config;
