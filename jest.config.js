// One Jest run, several projects: pure libs, API units, API integration (real PostGIS), web (jsdom).
const swc = (extra = {}) => [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: {
        legacyDecorator: true,
        decoratorMetadata: true,
        useDefineForClassFields: false,
        react: { runtime: 'automatic' },
      },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    ...extra,
  },
];
const moduleNameMapper = {
  '^@kindred/domain$': '<rootDir>/libs/domain/src/index.ts',
  '^@kindred/geo$': '<rootDir>/libs/geo/src/index.ts',
  '^@kindred/api-client$': '<rootDir>/libs/api-client/src/index.ts',
};
const base = { rootDir: __dirname, transform: { '^.+\\.(t|j)sx?$': swc() }, moduleNameMapper, testEnvironment: 'node' };

module.exports = {
  projects: [
    { ...base, displayName: 'domain', testMatch: ['<rootDir>/libs/domain/src/**/*.spec.ts'] },
    { ...base, displayName: 'geo', testMatch: ['<rootDir>/libs/geo/src/**/*.spec.ts'] },
    { ...base, displayName: 'api-client', testMatch: ['<rootDir>/libs/api-client/src/**/*.spec.ts'] },
    { ...base, displayName: 'api', testMatch: ['<rootDir>/apps/api/src/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'api-integration',
      testMatch: ['<rootDir>/apps/api/src/**/*.integration-spec.ts', '<rootDir>/apps/api/test/**/*.integration-spec.ts'],
      globalSetup: '<rootDir>/apps/api/test/global-setup.ts',
      globalTeardown: '<rootDir>/apps/api/test/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/apps/api/test/setup-timeout.ts'],
    },
    {
      ...base,
      displayName: 'multi-instance',
      testMatch: ['<rootDir>/tests/multi-instance/**/*.multi-spec.ts'],
      globalSetup: '<rootDir>/tests/multi-instance/global-setup.ts',
      globalTeardown: '<rootDir>/tests/multi-instance/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/tests/multi-instance/setup-timeout.ts'],
    },
    {
      ...base,
      displayName: 'web',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/apps/web/src/**/*.spec.ts', '<rootDir>/apps/web/src/**/*.spec.tsx'],
      moduleNameMapper: { ...moduleNameMapper, '\\.(css)$': '<rootDir>/apps/web/test/style-stub.js' },
    },
  ],
};
