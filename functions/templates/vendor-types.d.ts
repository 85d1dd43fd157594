// mjml ships no type declarations; the compiler narrows what it needs at the call site.
declare module 'mjml' {
  const mjml: unknown;
  export default mjml;
}
