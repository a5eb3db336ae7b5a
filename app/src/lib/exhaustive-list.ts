// A runtime list the app needs of a union the worker's contract declares (the app takes the contract's
// types only): written out here, and a type error until it names every member of the union.
export const every =
  <T extends string>() =>
  <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : 'missing a value')) =>
    list;
