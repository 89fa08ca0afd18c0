/** The listings section of the options page. */
export function ListingsOptions() {
  return null;
}
