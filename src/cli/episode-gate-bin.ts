#!/usr/bin/env node
import { gateMain } from './episode-gate.js';
import { runMain } from './io.js';

runMain(gateMain, 'episode-gate');
