// Jest: unit tests sit beside the code (*.test.ts); integration tests against real Redis and
// PostgreSQL live in tests/integration and run serially because they share those servers.
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] };
const common = { testEnvironment: '<rootDir>/tests/support/host-realm-environment.ts', transform, moduleFileExtensions: ['ts', 'js', 'json', 'node'] };

module.exports = {
  // Integration tests wait on real servers and background consumers; a test that hangs still fails.
  testTimeout: 30000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{platform,prisma,native,models,gateway,subgraphs,tools}/**/src/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'architecture',
      testMatch: ['<rootDir>/tests/architecture/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
    },
    {
      // The dashboard in real Chromium (playwright-core) against a real stack.
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
    },
  ],
};
