#!/usr/bin/env node
// ptrack runs its TypeScript source directly (internal packages export source, only apps build):
// tsx compiles on the fly and caches the result, so later starts are fast.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
