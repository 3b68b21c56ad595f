#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so the product needs no build step besides the web bundle.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
