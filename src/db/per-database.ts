// A map kept per database handle (not per module), so test apps on separate databases
// never see each other's entries and a closed handle's entries go with it.
import type { Db } from './client.js';

export function perDatabase<V>(): (db: Db) => Map<string, V> {
  const maps = new WeakMap<Db, Map<string, V>>();
  return (db) => {
    let map = maps.get(db);
    if (!map) maps.set(db, (map = new Map()));
    return map;
  };
}
