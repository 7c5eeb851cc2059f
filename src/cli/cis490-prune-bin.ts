#!/usr/bin/env node
import { pruneMain } from './cis490-prune.js';
import { runMain } from './io.js';

runMain(pruneMain, 'cis490-prune');
