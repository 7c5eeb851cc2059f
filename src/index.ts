/** The Action's entry point (dist/index.js); everything testable is in main.ts. */
import { run } from './main.js';

await run();
