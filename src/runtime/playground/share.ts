import LZString from 'lz-string';

/**
 * Share links carry the code in the URL fragment, compressed the way the
 * TypeScript playground does it: `#code=<compressToEncodedURIComponent>`. The
 * fragment never reaches a server, so shared code stays between the people
 * who share it.
 */

export function shareUrl(origin: string, code: string): string {
  return `${origin}/playground/#code=${LZString.compressToEncodedURIComponent(code)}`;
}

/** The code in a `#code=…` fragment, or undefined when there is none or it does not decode. */
export function codeFromFragment(hash: string): string | undefined {
  const match = /^#?code=(.*)$/.exec(hash);
  if (!match?.[1]) return undefined;
  const code = LZString.decompressFromEncodedURIComponent(match[1]);
  return code || undefined;
}
