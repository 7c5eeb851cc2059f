import { setFlagsFromString } from 'node:v8';

/**
 * One V8 setting for the scan's hot code, set once when a program starts (V8's flags belong to
 * the process, so the worker threads it starts later share it).
 *
 * V8's default cumulative inlining budget (920 bytes of bytecode per optimised function) let
 * TurboFan inline each member's once-per-episode tail (evidence, medians, text) into the
 * classifier's per-row loops. Each such function then took 30-60 ms to compile on this project's
 * 2-core machines, and was compiled again, up to eight times per thread, whenever an object of
 * another shape reached one of the many inlined bodies: about a fifth of a 600-episode scan's CPU
 * went to TurboFan. With a budget of 100 the loops still inline what they call per row (the
 * phase lookup, the bucket, CPU%), compiles are smaller and rarely undone. Interleaved runs are in
 * docs/performance.md ("V8's inlining budget"). EPISODE_GATE_V8_TUNING=off leaves V8's defaults,
 * for measuring.
 */
const INLINING_BUDGET_FLAG = '--max-inlined-bytecode-size-cumulative=100';
let tuned = false;
/** Apply the setting (once; later calls do nothing). Call before any scan starts. */
function tuneV8() {
    if (tuned)
        return;
    tuned = true;
    if (process.env.EPISODE_GATE_V8_TUNING === 'off')
        return;
    setFlagsFromString(INLINING_BUDGET_FLAG);
}

export { tuneV8 as t };
