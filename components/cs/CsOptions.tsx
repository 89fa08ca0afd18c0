/** The cs section of the options page. */
export function CsOptions() {
  return null;
}
