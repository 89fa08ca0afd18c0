/** The returns section of the options page. */
export function ReturnsOptions() {
  return null;
}
