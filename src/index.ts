/** The Action's entry point (dist/index.js); everything testable is in main.ts. */
import { run } from './main.js';
import { tuneV8 } from './shared/v8-tuning.js';

tuneV8();
await run();
