// fontkit ships no types; the report uses only create() (see fonts.ts).
declare module 'fontkit' {
  export function create(buffer: Uint8Array, postscriptName?: string): object;
}
