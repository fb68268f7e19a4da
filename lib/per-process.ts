type Registry = Map<string, unknown>;

/**
 * One value per process for each configuration it is built from, kept on globalThis so that a
 * module evaluated again finds it: Next's dev server re-evaluates modules on change, and a pool
 * or connection opened per evaluation would pile up. Keyed by configuration, so an evaluation
 * under another environment (a test that imports the app afresh for a database of its own)
 * gets its own value rather than one built for somebody else's, and never closes theirs.
 */
export function perProcess<T>(name: string, config: readonly unknown[], create: () => T): T {
  const scope = globalThis as typeof globalThis & Record<symbol, Registry | undefined>;
  const registry = (scope[Symbol.for(`tenantkit.${name}`)] ??= new Map());
  const key = JSON.stringify(config);
  if (!registry.has(key)) registry.set(key, create());
  return registry.get(key) as T;
}
