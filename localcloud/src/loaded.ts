// Checks of a module loaded at run time (require), before it is used as what it claims to be.

/** Whether `v` is an object whose members `names` are all functions. */
export function hasFunctions<K extends string>(v: unknown, ...names: K[]): v is Record<K, (...args: never[]) => unknown> {
  return typeof v === 'object' && v !== null && names.every((name) => typeof Reflect.get(v, name) === 'function');
}
