/** The key of a lesson's progress: its URL path, normalised to end with a slash. */
export function lessonPath(pathname: string = location.pathname): string {
  return pathname.endsWith('/') ? pathname : `${pathname}/`;
}
