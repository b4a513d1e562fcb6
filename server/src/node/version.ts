declare const __SLIPWAY_VERSION__: string | undefined;

/** The package version; esbuild inlines it, tests and tsx fall back to package.json. */
export const SLIPWAY_VERSION: string =
  typeof __SLIPWAY_VERSION__ === 'string'
    ? __SLIPWAY_VERSION__
    : // eslint-disable-next-line @typescript-eslint/no-require-imports -- only when not bundled
      (require('../../../package.json') as { version: string }).version;
