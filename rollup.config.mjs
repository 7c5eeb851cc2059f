// Bundles the Action and the command-line tools into dist/, self-contained (no node_modules
// at run time): the Actions runner executes dist/index.js directly.
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import nodeResolve from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import license from 'rollup-plugin-license';

/** @type {import('rollup').RollupOptions} */
const config = {
  input: {
    index: 'src/index.ts',
    'cis490-prune': 'src/cli/cis490-prune-bin.ts',
    'episode-gate': 'src/cli/episode-gate-bin.ts',
    'scan-worker': 'src/dataset/scan-worker.ts',
  },
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name].js',
    sourcemap: false,
  },
  plugins: [
    typescript({ tsconfig: './tsconfig.build.json' }),
    nodeResolve({ preferBuiltins: true, exportConditions: ['node', 'import', 'default'] }),
    commonjs(),
    json(),
    // dist/ ships third-party code: list each bundled package with its license text.
    license({
      thirdParty: {
        includePrivate: false,
        output: { file: 'dist/licenses.txt' },
      },
    }),
  ],
  onwarn(warning, warn) {
    if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.ids?.[0] ?? '')) return;
    // The toolkit's compiled __awaiter helpers read `this` at module level; harmless in ESM.
    if (warning.code === 'THIS_IS_UNDEFINED' && /node_modules/.test(warning.id ?? '')) return;
    warn(warning);
  },
};

export default config;
