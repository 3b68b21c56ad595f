/**
 * Loads the HiGHS WASM module. The package's types describe a CommonJS module whose `default` is the loader, while
 * Node's ESM import of its `.mjs` build gives the loader itself as the default: accept both shapes.
 */
import * as highsModule from 'highs';
import type { Highs } from 'highs';

type Loader = () => Promise<Highs>;

export async function loadHighs(): Promise<Highs> {
  const candidate: unknown = (highsModule as { default?: unknown }).default;
  const loader = (
    typeof candidate === 'function' ? candidate : (candidate as { default?: unknown } | undefined)?.default
  ) as Loader | undefined;
  if (typeof loader !== 'function') throw new Error('highs: could not find the module loader');
  return loader();
}
