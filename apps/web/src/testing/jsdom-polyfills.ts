// jsdom lacks TextEncoder/TextDecoder, which react-router needs at import time. Import this module
// first in any spec that loads the router (jest.config.js is shared, so no setupFiles entry here).
import { TextDecoder, TextEncoder } from 'node:util';

const g = globalThis as Record<string, unknown>;
g['TextEncoder'] ??= TextEncoder;
g['TextDecoder'] ??= TextDecoder;
