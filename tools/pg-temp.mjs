// ES module entry for the benchmark and test scripts; the implementation is CommonJS so that Jest
// tests (fault tests that stop and restart the server) can require it too.
export { freePort, startTempPostgres } from './pg-temp.cjs';
