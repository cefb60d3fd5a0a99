import LZString from 'lz-string';

/**
 * Share links carry the code in the URL fragment, compressed the way the
 * TypeScript playground does it: `#code=<compressToEncodedURIComponent>`,
 * and in Step mode the schedule too: `#code=…&schedule=1.s1.a3b2`
 * (design/explorer.md §4). The fragment never reaches a server, so shared
 * code stays between the people who share it.
 */

export function shareUrl(origin: string, code: string, schedule?: string): string {
  return `${origin}/playground/${shareFragment(code, schedule)}`;
}

/** The fragment alone: `#code=…` or `#code=…&schedule=…`. */
export function shareFragment(code: string, schedule?: string): string {
  const fragment = `#code=${LZString.compressToEncodedURIComponent(code)}`;
  return schedule ? `${fragment}&schedule=${encodeURIComponent(schedule)}` : fragment;
}

/** The code in a `#code=…` fragment, or undefined when there is none or it does not decode. */
export function codeFromFragment(hash: string): string | undefined {
  return readFragment(hash).code;
}

/** The code and the schedule of a share link's fragment; either may be missing. */
export function readFragment(hash: string): { code?: string; schedule?: string } {
  const params = new Map<string, string>();
  for (const pair of hash.replace(/^#/, '').split('&')) {
    const at = pair.indexOf('=');
    if (at > 0) params.set(pair.slice(0, at), pair.slice(at + 1));
  }
  const packed = params.get('code');
  const code = packed ? LZString.decompressFromEncodedURIComponent(packed) || undefined : undefined;
  const raw = params.get('schedule');
  let schedule: string | undefined;
  try {
    schedule = raw ? decodeURIComponent(raw) : undefined;
  } catch {
    schedule = undefined;
  }
  return { code, schedule };
}
